package dev.loopwise.serving;

import dev.loopwise.model.policy.SlotFiller;
import io.quarkus.qute.TemplateExtension;
import java.util.List;

/** How a tried reply and the version's certainty read on the Try a ticket page. */
@TemplateExtension
public class TryFormats {
    private TryFormats() {
    }

    /** The reply with each open slot as a blank named in words, so the lead reads "tracking link", not braces. */
    static List<SlotFiller.Piece> withBlanks(String reply) {
        return SlotFiller.pieces(reply);
    }

    /** The blanks of a reply in words, each once, in order ("tracking link, order number"); empty without any. */
    static String blanks(String reply) {
        return String.join(", ", SlotFiller.pieces(reply).stream().map(SlotFiller.Piece::slot)
                .filter(java.util.Objects::nonNull).distinct().toList());
    }

    /** A probability as the page says it: "less than 1%" rather than a "0%" that reads as "certainly not". */
    static String sure(Double p) {
        if (p == null) {
            return "—";
        }
        return p < 0.005 ? "less than 1%" : p > 0.995 && p < 1 ? "more than 99%" : String.format("%.0f%%", p * 100);
    }
}
