package dev.loopwise.ticket;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks how a reply writes its {@code {{slots}}} before it enters the library, where a slip would reach customers as typed. */
public final class SlotSyntax {
    /** A slot whose two opening or two closing braces are parted by spaces ({@code { {order_number} }}): never filled. */
    private static final Pattern SPLIT_SLOT = Pattern.compile("\\{\\s*\\{\\s*([^{}]+?)\\s*}\\s*}");
    private static final Pattern SPLIT_BRACES = Pattern.compile("\\{\\s+\\{|}\\s+}");

    private SlotSyntax() {
    }

    /**
     * What is wrong with a reply's slots, in words, or null: braces that do not close or are parted by spaces (they would
     * reach the customer as typed), an empty slot, or a name one or two letters away from a slot Loopwise fills ({@code {{ordr_number}}} would
     * never be filled from the ticket). Other names are the agent's or the helpdesk's to fill and stay allowed.
     */
    public static String problem(String reply) {
        Matcher split = SPLIT_SLOT.matcher(reply);
        while (split.find()) {
            if (!SlotFiller.SLOT.matcher(split.group()).matches()) {
                return "The slot '" + split.group() + "' has a space between its braces, so it would reach the customer as typed:"
                        + " write the two braces together, as {{" + split.group(1).strip() + "}}.";
            }
        }
        String rest = SlotFiller.SLOT.matcher(reply).replaceAll(" ");
        Matcher spaced = SPLIT_BRACES.matcher(rest);
        if (spaced.find()) {
            return "Braces are parted by a space near '" + near(rest, spaced.start())
                    + "': a slot's two braces go together, as {{order_number}}; or remove the braces.";
        }
        int open = rest.indexOf("{{");
        int close = rest.indexOf("}}");
        if (open >= 0 || close >= 0) {
            int at = open >= 0 ? open : close;
            return "A slot is not written as {{name}} near '" + near(rest, at)
                    + "': close it, or remove the braces; slots look like {{order_number}}.";
        }
        Matcher slots = SlotFiller.SLOT.matcher(reply);
        while (slots.find()) {
            String name = SlotFiller.normalise(slots.group(1));
            if (name.isEmpty() || name.equals("_")) {
                return "A slot has no name ('" + slots.group() + "'): write the detail it stands for, such as {{order_number}}.";
            }
            if (name.replace("_", "").matches("\\d{4,}")) {
                // Exports such as Bitext's brace one customer's order number: kept, every customer would read that number.
                return "The slot '" + slots.group() + "' holds a number, not the name of a detail: every customer would read that"
                        + " number. Write the detail it stands for, such as {{order_number}}.";
            }
            for (String known : SlotFiller.EXTRACTORS.keySet()) {
                if (!known.equals(name) && name.length() >= 4 && editDistance(name, known) <= 2) {
                    return "The slot {{" + slots.group(1).strip() + "}} looks like {{" + known + "}}, which Loopwise fills from the"
                            + " ticket; as written it would never be filled. Correct the name, or use a clearly different one for a"
                            + " detail the agent fills in.";
                }
            }
        }
        return null;
    }

    private static String near(String text, int at) {
        return text.substring(Math.max(0, at - 10), Math.min(text.length(), at + 20)).strip();
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                current[j] = Math.min(Math.min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
