package dev.loopwise.ticket;

import dev.loopwise.privacy.PiiMasker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a reply's {@code {{slots}}} with values found in the ticket — an order number, an email
 * address, a phone number — and leaves every other slot visible for the human agent to complete.
 * Slot names are compared loosely: {@code {{Order Number}}} and {@code {{order_number}}} are the same slot.
 */
public final class SlotFiller {
    static final Pattern SLOT = Pattern.compile("\\{\\{\\s*([^{}]+?)\\s*}}");
    /** Starts only where a run of address characters starts: otherwise a long text without '@' costs quadratic time. */
    private static final Pattern EMAIL = Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern ORDER_CODE = Pattern.compile("(?<![A-Za-z0-9])#?([A-Za-z]{1,4}-?\\d{5,12})(?![A-Za-z0-9])");
    private static final Pattern ORDER_NUMBER = Pattern.compile(
            "(?i)\\b(?:order|purchase|ref(?:erence)?)\\s*(?:number|no\\.?|nr\\.?|#|id)?\\s*[:#]?\\s*#?([A-Za-z]{0,4}-?\\d{4,12})\\b");
    private static final Pattern HASH_NUMBER = Pattern.compile("#(\\d{4,12})\\b");
    /** A slot whose "name" is a number ({{370795561790}}): an export that braced one customer's order number, not a name. */
    private static final Pattern NUMBER_SLOT = Pattern.compile("\\{\\{\\s*#?\\s*\\d[\\d\\s-]{3,}\\d\\s*}}");
    /**
     * "the order with the number 370795561790": a long number an answer names as "the number" or "your number". Only then:
     * a tracking, case, invoice or account number is another detail, and filled with the order number it would tell a
     * customer their order number as if it were that.
     */
    private static final Pattern NAMED_NUMBER = Pattern.compile("(?i)\\b(?:the|your)\\s+number\\s*[:#]?\\s*#?(\\d{5,12})\\b");

    static final Map<String, Function<String, String>> EXTRACTORS = Map.of(
            "order_number", SlotFiller::orderNumber,
            "order_id", SlotFiller::orderNumber,
            "email", text -> first(EMAIL, text, 0),
            "email_address", text -> first(EMAIL, text, 0),
            "phone_number", PiiMasker::firstPhoneNumber);

    public record Filled(String text, List<String> openSlots) {
    }

    /** The slots Loopwise can fill from a ticket, in a fixed order (the policy reads them as features). */
    public static final List<String> FILLABLE = List.of("order_number", "email", "phone_number");

    /** 1 where the ticket holds a value for the fillable slot, else 0. */
    public static float[] available(String ticket) {
        float[] out = new float[FILLABLE.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = EXTRACTORS.get(FILLABLE.get(i)).apply(ticket) == null ? 0 : 1;
        }
        return out;
    }

    /** 1 where the reply has that fillable slot, else 0. */
    public static float[] used(String reply) {
        float[] out = new float[FILLABLE.size()];
        Matcher slots = SLOT.matcher(reply);
        while (slots.find()) {
            String name = normalise(slots.group(1));
            int at = FILLABLE.indexOf(name.equals("order_id") ? "order_number" : name.equals("email_address") ? "email" : name);
            if (at >= 0) {
                out[at] = 1;
            }
        }
        return out;
    }

    /**
     * For a written-out reply (an LLM draft): 1 where it keeps the {{slot}} or already holds the ticket's value for it,
     * so a draft that fills in the order number counts as using that slot, as its template would.
     */
    public static float[] usedOrFilled(String draft, String ticket) {
        float[] out = used(draft);
        for (int i = 0; i < out.length; i++) {
            String value = EXTRACTORS.get(FILLABLE.get(i)).apply(ticket);
            if (value != null && draft.toUpperCase(Locale.ROOT).contains(value.toUpperCase(Locale.ROOT))) {
                out[i] = 1;
            }
        }
        return out;
    }

    private SlotFiller() {
    }

    public static Filled fill(String reply, String ticket) {
        return fill(reply, name -> {
            Function<String, String> extractor = EXTRACTORS.get(name);
            return extractor == null ? null : extractor.apply(ticket);
        });
    }

    /** Each slot replaced by {@code valueOf(its normalised name)}; a null value leaves the slot open. */
    private static Filled fill(String reply, Function<String, String> valueOf) {
        Matcher slots = SLOT.matcher(reply);
        StringBuilder out = new StringBuilder();
        List<String> open = new ArrayList<>();
        while (slots.find()) {
            String name = normalise(slots.group(1));
            String value = valueOf.apply(name);
            if (value == null) {
                open.add(name);
            }
            slots.appendReplacement(out, Matcher.quoteReplacement(value == null ? slots.group() : value));
        }
        slots.appendTail(out);
        return new Filled(out.toString(), List.copyOf(open));
    }

    /** A stretch of a reply: plain text, or an open slot named in words ({@code slot}: "order number"; null for text). */
    public record Piece(String text, String slot) {
    }

    /**
     * A reply cut at its open slots, for a page to show each one as a blank to fill in rather than as braces; the text is
     * unchanged otherwise (what serving sends keeps its braces for the helpdesk to fill).
     */
    public static List<Piece> pieces(String reply) {
        List<Piece> out = new ArrayList<>();
        if (reply == null) {
            return out;
        }
        Matcher slots = SLOT.matcher(reply);
        int at = 0;
        while (slots.find()) {
            if (slots.start() > at) {
                out.add(new Piece(reply.substring(at, slots.start()), null));
            }
            out.add(new Piece(slots.group(), normalise(slots.group(1)).replace('_', ' ').strip()));
            at = slots.end();
        }
        if (at < reply.length()) {
            out.add(new Piece(reply.substring(at), null));
        }
        return out;
    }

    /**
     * Fills the slots a reply still has open with values someone else knows (a helpdesk bot's order data), names compared
     * loosely as everywhere; the slots without a value stay open.
     */
    public static Filled fillWith(String reply, Map<String, String> values) {
        Map<String, String> byName = new HashMap<>();
        // A blank value or one that is itself a slot fills nothing: the customer would see a gap or braces.
        values.forEach((name, value) -> {
            if (value != null && !value.isBlank() && !value.contains("{{") && !value.contains("}}")) {
                byName.put(normalise(name), value.strip());
            }
        });
        return fill(reply, byName::get);
    }

    /**
     * An agent's reply to one customer as a reply for every customer: the e-mail addresses, order numbers and phone
     * numbers it quotes become the slots that are filled from each ticket.
     */
    public static String asSlots(String reply) {
        String out = EMAIL.matcher(reply).replaceAll("{{email}}");
        out = replaceGroup(ORDER_NUMBER, out, "{{order_number}}");
        out = replaceGroup(HASH_NUMBER, out, "{{order_number}}");
        out = replaceGroup(ORDER_CODE, out, "{{order_number}}");
        out = NUMBER_SLOT.matcher(out).replaceAll("{{order_number}}");
        // After the phone numbers, so that "phone number 555 123 4567" stays a phone number.
        out = PiiMasker.replacePhoneNumbers(out, "{{phone_number}}");
        return replaceGroup(NAMED_NUMBER, out, "{{order_number}}");
    }

    private static String replaceGroup(Pattern pattern, String text, String slot) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start(1)).append(slot);
            last = m.end(1);
        }
        return out.append(text.substring(last)).toString();
    }

    static String normalise(String slot) {
        return slot.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    static String orderNumber(String text) {
        String value = first(ORDER_CODE, text, 1);
        if (value == null) {
            value = first(ORDER_NUMBER, text, 1);
        }
        if (value == null) {
            value = first(HASH_NUMBER, text, 1);
        }
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    private static String first(Pattern pattern, String text, int group) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(group).strip() : null;
    }
}
