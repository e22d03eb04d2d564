package dev.loopwise.ticket;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Held-out rows as an evaluation may score them: none whose text a training row also has. Public data sets repeat short
 * requests ("refund please") across their splits, and a model scored on a text it trained on is scored on memory, not on
 * what it will do with a new ticket.
 */
public final class HeldOutRows {
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    /** The held-out rows kept, and how many were left out. */
    public record Unseen(List<TicketRow> rows, int dropped) {
    }

    private HeldOutRows() {
    }

    public static Unseen unseen(List<TicketRow> heldOut, List<TicketRow> train) {
        Set<String> seen = new HashSet<>();
        train.forEach(r -> seen.add(key(r.text())));
        List<TicketRow> kept = heldOut.stream().filter(r -> !seen.contains(key(r.text()))).toList();
        return new Unseen(new ArrayList<>(kept), heldOut.size() - kept.size());
    }

    /** A text as two rows are compared: "Refund  please " and "refund please" are one text. */
    public static String key(String text) {
        return SPACES.matcher(text == null ? "" : text).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }
}
