package dev.loopwise.serving;

import dev.loopwise.common.ServingMessages;
import dev.loopwise.llm.LlmFailure;
import dev.loopwise.ticket.SlotFiller;
import io.quarkus.qute.TemplateExtension;
import java.util.List;
import java.util.Objects;

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
                .filter(Objects::nonNull).distinct().toList());
    }

    /** A probability as the page says it: "less than 1%" rather than a "0%" that reads as "certainly not". */
    static String sure(Double p) {
        if (p == null) {
            return "—";
        }
        return p < 0.005 ? "less than 1%" : p > 0.995 && p < 1 ? "more than 99%" : String.format("%.0f%%", p * 100);
    }

    /**
     * A probability said beside another it is compared with (a certainty and the hand-over line): with as many decimals as
     * it takes for the two to read differently, so "41% sure" never stands below a "41%" line it failed to reach.
     */
    static String sureBeside(Double p, Double other) {
        if (p == null || other == null || p.equals(other) || !sure(p).equals(sure(other))) {
            return sure(p);
        }
        for (int decimals = 1; decimals < 4; decimals++) {
            String mine = String.format("%." + decimals + "f%%", p * 100);
            if (!mine.equals(String.format("%." + decimals + "f%%", other * 100))) {
                return mine;
            }
        }
        return String.format("%.4f%%", p * 100);
    }

    /** The plain meaning of the certainty shown beside the intent the version read. */
    static String sureMeaning(TryPage.Tried tried) {
        return sureMeaning(tried.intent().confidence(), tried.handoverLine(), tried.answersWhateverItsCertainty());
    }

    /** Both figures to the same decimals: "41% sure" beside a "41.2%" line reads as if it were below the line. */
    static String sureMeaning(Double sure, Double line, boolean answersWhatever) {
        return ServingMessages.sureMeaning(sureBeside(sure, line), sureBeside(line, sure), answersWhatever);
    }

    /**
     * What the LLM did for this ticket, from the status the API and the request log keep ("ok: 3 drafts", "unavailable:
     * timeout"), in words a support lead reads at a glance.
     */
    static String llmStatusWords(String status) {
        if (status == null) {
            return "";
        }
        if (status.startsWith("ok: ")) {
            return "it wrote " + status.substring(4);
        }
        String reason = status.startsWith("unavailable: ") ? status.substring("unavailable: ".length()) : status;
        if (reason.startsWith(LlmFailure.SLOWED_DOWN)) {
            return "it asked Loopwise to slow down, so the library answers until " + reason.substring(LlmFailure.SLOWED_DOWN.length());
        }
        return switch (reason) {
            case LlmFailure.TIMEOUT -> "it did not answer in time";
            case LlmFailure.CIRCUIT_OPEN -> "it is paused after failing several times in a row; Loopwise tries it again shortly";
            case LlmFailure.BUSY -> "too many tickets were waiting for it";
            default -> "it gave no drafts: " + reason;
        };
    }
}
