package dev.loopwise.privacy;

import java.util.regex.Pattern;

/**
 * What the words next to a nationally written number say it is. Only the nearest words count, so "call about
 * order 123-4567890" keeps its order number and "order questions: call 555-123-4567" masks the phone.
 */
final class PhoneContext {
    /** How far back the words that name a number are looked for. */
    private static final int LOOK_BACK = 40;
    /** A national number grouped as a phone has at most twelve digits ("0176 12345678") and at least nine. */
    private static final int MOST_GROUPED_DIGITS = 12;
    private static final String CURRENCY_CODES = "usd|eur|gbp|chf|jpy|cad|aud|nzd|sek|nok|dkk|pln|czk|huf|inr|cny|rub|brl|mxn|zar";
    /** A number's label ("no.", "number", "#", "id", ":") between the naming word and the number. */
    private static final String LABEL = "(?:\\s*(?:no\\.?|nr\\.?|number|num|id|#|:|-|=))*\\s*";
    /**
     * "is" or "was" may stand in the label too ("my order is 123-45-6789"), but only before an identity number's
     * shape: "the phone number on my account is 0612345678" is a phone, and a leaked phone costs more than a masked
     * reference.
     */
    private static final String LABEL_OR_VERB = "(?:\\s*(?:no\\.?|nr\\.?|number|num|id|#|:|-|=|(?:is|was)" + WordBounds.END + "))*\\s*";
    /** "number", "no.", or "with the number", "bearing the number", "labelled with the number". */
    private static final String NUMBER_LABEL = "(?:(?:with|bearing|labell?ed(?:[ \\t]+with)?)[ \\t]+(?:the[ \\t]+)?)?"
            + "(?:number|num|no\\.|nr\\.|no|nr)" + WordBounds.END;
    private static final Pattern NAMED_OTHERWISE = named(LABEL);
    private static final Pattern NAMED_OTHERWISE_OR_VERB = named(LABEL_OR_VERB);
    private static final Pattern CURRENCY_AFTER = Pattern.compile("^\\s*(?:[$\u20AC\u00A3\u00A5\u20B9%]|(?:" + CURRENCY_CODES + ")"
            + WordBounds.END + ")",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ANNOUNCES_PHONE = Pattern.compile(WordBounds.START + "(?:phones?|tel|telephone|t\u00E9l\u00E9phone|call|calls|"
            + "mobile|mob|cell|cellphone|whatsapp|sms|text|fax|ring|dial|contact|reach|appel|appelez|appeler|portable|"
            + "telefon|telefono|tel\u00E9fono|handy|m\u00F3vil|movil|cellulare|tlf|ph|(?:my|our)\\s+number)" + WordBounds.END + "\\.?"
            + "(?:\\s+(?:me|us|him|her|them|back))?(?:\\s*(?:on|at|via|to|is|no\\.?|nr\\.?|number|#|:|=))*\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * An order's or purchase's number as replies and tickets name it: "purchase 00123842", "the order with the number
     * 00123842", "order numbered 00123842", "Enter the purchase number, 00123842". Only for a run of digits alone: a
     * number grouped as phones are ("purchase 020 7946 0958") or with a country code is still read as a phone. The
     * words stand on one line, with no full stop after the order word ("my purchase. 07700900123" starts a new sentence)
     * and a comma only after "number" ("Thanks for your order, 07946095800" goes on to a phone).
     */
    private static final Pattern REFERENCE_BEFORE_RUN = Pattern.compile(WordBounds.START + "(?:orders?|purchases?|invoices?|"
            + "ref\\.?|reference|tracking|receipt|booking|reservation|confirmation|transaction)" + WordBounds.END
            + "(?:[ \\t]*#|[ \\t]+numbered" + WordBounds.END + "|[ \\t]+" + NUMBER_LABEL + "[ \\t]*[,:#]?)?[ \\t]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * "order number 07946095800": a run shaped like a British or French mobile (0 and ten or eleven digits) is taken for
     * an order's only when "number" or "no." names it; after "order" alone or "purchase" it stays a phone.
     */
    private static final Pattern NUMBER_NAMED = Pattern.compile(WordBounds.START + "(?:orders?|purchases?|invoices?|"
            + "reference|tracking|receipt|booking|reservation|confirmation|transaction|account|customer|member)"
            + "[ \\t]+(?:number|no\\.|nr\\.)[ \\t]*[:#]?[ \\t]*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MOBILE_SHAPE = Pattern.compile("0[1-9]\\d{8,9}");
    /**
     * "020 7946 0958", "(020) 7946 0958", "020-7946-0958", "06 12 34 56 78", "0176 12345678": a trunk 0 and groups as
     * phones are written, never an order's. Nine to twelve digits in all.
     */
    private static final Pattern GROUPED_NATIONAL = Pattern.compile("(?:\\(0[1-9]\\d{0,4}\\)|0[1-9]\\d{0,4})"
            + "(?:[ .\u00A0-]{1,2}\\d{2,8}){1,5}");
    private static final String PHONE_WORD = "(?:phones?|tel|telephone|mobile|mob|cell|cellphone|whatsapp|sms|fax|landline|"
            + "handy|portable)" + WordBounds.END;
    private static final String WHOSE = "(?:my|our|his|her|their)[ \\t]+";
    /** "purchase 0612345678 is my mobile", "is my number": said so, the number is a phone whatever named it before. */
    private static final Pattern PHONE_STATED = Pattern.compile("^[ \\t]*(?:is|was|=|'s|\u2019s)[ \\t]+(?:(?:" + WHOSE
            + "|the[ \\t]+|a[ \\t]+)?(?:" + PHONE_WORD + "|number[ \\t]+to[ \\t]+(?:call|ring|text|reach))|(?:my|our)[ \\t]+number"
            + WordBounds.END + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * "(mobile)", ", my phone", "to call": words after the number that call it a phone, unless "order number" or a
     * product's label named it. A phone word alone after it names a product ("mobile stand", "phone case").
     */
    private static final Pattern PHONE_AFTER = Pattern.compile("^[ \\t]*(?:\\([ \\t]*(?:" + WHOSE + ")?" + PHONE_WORD + "[ \\t]*\\)"
            + "|[,;:(\u2013-][ \\t]*" + WHOSE + PHONE_WORD
            + "|[,;:(\u2013-]?[ \\t]*(?:number[ \\t]+)?to[ \\t]+(?:call|ring|text|reach)" + WordBounds.END + ")",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "SKU", "part no.", "model": a product's label keeps its number even where a phone is spoken of after it. */
    private static final Pattern PRODUCT_LABEL = Pattern.compile(WordBounds.START + "(?:sku|part|parts|p/n|pn|model|item|article|"
            + "product|serial|s/n|sn|ean|upc|isbn)" + WordBounds.END + "\\.?" + LABEL + "$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private PhoneContext() {
    }

    private static Pattern named(String label) {
        return Pattern.compile("(?:" + WordBounds.START + "(?:orders?|invoices?|inv|ref|reference|tracking|track|"
                + "parcel|package|shipment|consignment|awb|ticket|case|receipt|transaction|txn|confirmation|booking|reservation|"
                + "account|acct|customer|member|sku|item|article|product|model|serial|s/n|sn|isbn|ean|upc|version|ver|build|release|ip|"
                + "amount|total|price|paid|pay|cost|costs|balance|refund|refunded|charge|charged|sum|fee|voucher|coupon|"
                + "pin|id|iban|bic|part|parts|p/n|pn|code|lot|batch|imei|policy|claim|contract|licen[cs]e|key|rma|warranty|" + CURRENCY_CODES + ")" + WordBounds.END + "\\.?" + label + "|[#$\u20AC\u00A3\u00A5\u20B9]\\s*)$",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** A reference, amount or version word or sign right before the number, or a currency right after it. */
    static boolean namesSomethingElse(String text, int begin, int end) {
        return NAMED_OTHERWISE.matcher(before(text, begin)).find()
                || CURRENCY_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 6))).find();
    }

    /** As {@link #namesSomethingElse}, "is" or "was" allowed after the word: for an identity number's shape only. */
    static boolean namesReference(String text, int begin, int end) {
        return NAMED_OTHERWISE_OR_VERB.matcher(before(text, begin)).find()
                || CURRENCY_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 6))).find();
    }

    /** A run of digits alone (no space, dash, bracket or '+') that an order or purchase word, or its misspelling, names. */
    static boolean namesReferenceRun(String text, int begin, int end) {
        for (int i = begin; i < end; i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        String before = before(text, begin);
        return REFERENCE_BEFORE_RUN.matcher(before).find() || MisspeltOrderWords.nameRun(before, text.substring(begin, end));
    }

    /**
     * Whether what follows the number calls it a phone, or a run of digits shaped like a mobile is not named a number:
     * then no order, amount or reference word before it keeps it.
     */
    static boolean saysPhone(String text, int begin, int end) {
        String before = before(text, begin);
        String after = text.substring(end, Math.min(text.length(), end + 40));
        if (PHONE_STATED.matcher(after).find() || PHONE_AFTER.matcher(after).find()
                && !NUMBER_NAMED.matcher(before).find() && !PRODUCT_LABEL.matcher(before).find()) {
            return true;
        }
        if (GROUPED_NATIONAL.matcher(text).region(begin, end).matches()) {
            int digits = NumberChecks.digitCount(text.substring(begin, end));
            return digits >= MOST_GROUPED_DIGITS - 3 && digits <= MOST_GROUPED_DIGITS;
        }
        return MOBILE_SHAPE.matcher(text).region(begin, end).matches() && !NUMBER_NAMED.matcher(before).find();
    }

    /** "call", "phone", "tel." and the like right before the number (in a few languages). */
    static boolean announcesPhone(String text, int begin) {
        return ANNOUNCES_PHONE.matcher(before(text, begin)).find();
    }

    private static String before(String text, int begin) {
        return text.substring(Math.max(0, begin - LOOK_BACK), begin);
    }
}
