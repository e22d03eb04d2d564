package dev.loopwise.review;

import dev.loopwise.ticket.SlotFiller;
import io.quarkus.qute.TemplateExtension;
import java.util.ArrayList;
import java.util.List;

/**
 * Replies on the admin's review lists as reviewers and Try a ticket show them: each open slot a named blank ("tracking
 * link"), not braces, which a shortened reply used to cut mid-name ("{{tracking_li…").
 */
@TemplateExtension
public class ReplyBlanks {
    private ReplyBlanks() {
    }

    /**
     * The reply's first {@code length} characters as read (a blank counts as its words, runs of whitespace as one
     * space), its open slots as blanks, and "…" as the last piece when cut; a blank is never cut in two.
     */
    static List<SlotFiller.Piece> shortWithBlanks(String reply, int length) {
        List<SlotFiller.Piece> out = new ArrayList<>();
        int left = length;
        for (SlotFiller.Piece piece : SlotFiller.pieces(reply == null ? "" : reply.replaceAll("\\s+", " ").strip())) {
            String shown = piece.slot() == null ? piece.text() : piece.slot();
            if (shown.length() <= left) {
                out.add(piece);
                left -= shown.length();
                continue;
            }
            if (piece.slot() == null && left > 1) {
                out.add(new SlotFiller.Piece(piece.text().substring(0, left - 1), null));
            }
            out.add(new SlotFiller.Piece("…", null));
            break;
        }
        return out;
    }
}
