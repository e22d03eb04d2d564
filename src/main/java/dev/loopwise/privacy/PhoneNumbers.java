package dev.loopwise.privacy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a run of digit groups in a text is a phone number. Support tickets are full of other grouped numbers —
 * order and invoice references, prices, dates, times, tracking and version numbers — so a number counts as a phone
 * only when it is written like one and nothing around it says it is something else:
 * <ul>
 * <li>written internationally (+ or 00 and a country code), it must be a possible number of that country
 *     (libphonenumber knows each country's lengths);</li>
 * <li>written nationally, it must not follow a reference or amount word ("order #", "invoice", "tracking", "$") nor
 *     precede a currency, and must start with a trunk 0 or an area code in brackets, follow a word such as "call"
 *     or "phone", or be split into groups that are not thousands, an IP address or a year-led reference (nine digits in
 *     threes, "612 345 678", read as thousands too, count when they are a valid number where such numbers are written so).</li>
 * </ul>
 * Dates and times are never phone numbers, however they are grouped.
 */
final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private static final String DAY_OR_MONTH = "(?:[0-2]?\\d|3[01])";
    /** "9:30", "14.00", "9h30", "0930", "930". */
    private static final String HOUR_MINUTE = "(?:[01]?\\d|2[0-3])[.:h]?[0-5]\\d";
    private static final Pattern DATE = Pattern.compile("\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}");
    /** A date with a four-digit year followed by more numbers ("2024-05-01 12:30") is no phone either. */
    private static final Pattern DATE_FIRST = Pattern.compile(
            "(?:(?:19|20)\\d{2}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.](?:19|20)\\d{2})(?!\\d)");
    /** "12.05.24 14.00": a short date and a time. */
    private static final Pattern DATE_TIME = Pattern.compile(
            DAY_OR_MONTH + "[-/.]" + DAY_OR_MONTH + "[-/.]\\d{2}(?:\\d{2})?[ T,\u00A0]+" + HOUR_MINUTE);
    /**
     * A time in opening hours: written without a mark it falls on a quarter hour ("930", "1745"), as opening hours do,
     * so that "555-1234" and "212-1234" stay phone numbers rather than 5:55 to 12:34.
     */
    private static final String OPENING_TIME = "(?:[01]?\\d|2[0-3])(?:[.:h][0-5]\\d|00|15|30|45)";
    /** "09.00-17.30", "9.00 - 17.00", "930-1730": opening hours, two times ("212-555-0147" has three groups). */
    private static final Pattern TIME_RANGE = Pattern.compile(OPENING_TIME + " ?- ?" + OPENING_TIME);
    /** "5 2024 10 30": a year among groups of one or two digits is a date and a time, written with spaces. */
    private static final Pattern DATE_IN_GROUPS = Pattern.compile(
            "(?=.*(?<!\\d)(?:19|20)\\d{2}(?!\\d))(?:\\d{1,2}|(?:19|20)\\d{2})(?:[ .\\-/\u00A0]+(?:\\d{1,2}|(?:19|20)\\d{2}))+");
    /** "1.299.999", "1 299 999": an amount. */
    private static final Pattern THOUSANDS = Pattern.compile("[1-9]\\d{0,2}(?:([ .\u00A0])\\d{3})(?:\\1\\d{3})*");
    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IP_ADDRESS = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}");
    /** "10.4.22.1234": a version, dotted groups one of which has a single digit (no phone is written so). */
    private static final Pattern VERSION = Pattern.compile("[1-9]\\d*(?:\\.\\d+){2,}");
    private static final Pattern ONE_DIGIT_GROUP = Pattern.compile("(?<!\\d)\\d(?!\\d)");
    /**
     * "030/1234567": a slash only after an area code with its trunk 0 (two to six digits: Vienna's "01", Brandenburg's
     * "033203"), as German-speaking countries write it, after a country code too ("+43 1 / 5880123"); "Score 012 / 3456"
     * and "step 03 / 12345" are two numbers, too short for a phone with no phone word before them.
     */
    private static final Pattern AREA_CODE_SLASH = Pattern.compile("(?:\\(?0\\d{1,5}\\)?|\\+\\d{1,3} (?:\\(0\\))?\\d{1,5}) ?/ ?[^/ ][^/]*");
    /** Without a word such as "call" before it, a number with an area code and a slash is as long as a phone's. */
    private static final int SLASHED_DIGITS_UNANNOUNCED = 9;
    /**
     * "1269-046 Lisboa", "Rue de Rivoli 12 75001 Paris": a postcode, or a house number after a street's name and a
     * postcode, before a town (or a Dutch postcode's letters) is part of an address.
     */
    private static final Pattern POSTCODE = Pattern.compile("\\d{4}-\\d{3}|(?<=\\p{L}\\.?[ \u00A0]{1,3})[1-9]\\d{0,3}[ \u00A0](?:\\d{4}-\\d{3}|\\d{4,5})");
    /**
     * "Page 10 12-345 Warszawa", "Marszałkowska 10 00-590 Warszawa": a number and a Polish postcode before a town are
     * two numbers, the postcode a word of its own, whatever the number is; no phone is written as a short group and a
     * dashed two and three.
     */
    private static final Pattern NUMBER_AND_POLISH_POSTCODE = Pattern.compile("[1-9]\\d{0,3}[ \u00A0]\\d{2}-\\d{3}");
    /** A weekday, a month or a word a sentence goes on with is no town: "on 555 1234 Monday to Friday". */
    private static final Pattern TOWN_AFTER = Pattern.compile("[ \u00A0]+(?!(?i:monday|tuesday|wednesday|thursday|friday|saturday|"
            + "sunday|mon|tue|wed|thu|fri|sat|sun|january|february|march|april|may|june|july|august|september|october|"
            + "november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|weekdays|weekends?|and|or|to|from|"
            + "until|till|between|after|before|please|thanks|thank|the|if|i|call|text)" + WordBounds.END + ")\\p{Lu}");
    /** "IL 62701-1234": a US state and a ZIP+4 code. */
    private static final Pattern ZIP_PLUS_FOUR = Pattern.compile("(?<=" + WordBounds.START + "[A-Z]{2}[ \u00A0])\\d{5}-\\d{4}");
    /** "123.456.789-00": a Brazilian CPF's shape, which no phone number has where its check digits fail. */
    private static final Pattern CPF_SHAPE = Pattern.compile("\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}");
    /**
     * "123-45-6789" after "my order is": the reference in an identity number's shape, which the identity rule left for
     * the same reason. Any other shape after "is" is a phone ("the phone number on my account is 0612345678").
     */
    private static final Pattern SSN_SHAPE = Pattern.compile("\\d{3}([- ])\\d{2}\\1\\d{4}");
    /** "UP1A.231005.007": an Android build, its release code, date and serial (no one's phone). */
    private static final Pattern ANDROID_BUILD = Pattern.compile("(?<=" + WordBounds.START + "[A-Z]{2}\\d[A-Z]\\.)\\d{6}\\.\\d{3}");
    /** "2024-0012345": a year and a serial number, as invoices and orders are numbered. */
    private static final Pattern YEAR_REFERENCE = Pattern.compile("(?:19|20)\\d{2}[-/.]\\d{5,}");

    /**
     * "612 345 678": how Spain, Portugal, Poland, Czechia and Slovakia write their nine-digit numbers, which read like
     * thousands too. As a phone number it must be a valid number of one of those countries ("100 000 000" is none).
     */
    private static final Pattern NINE_IN_THREES = Pattern.compile("[1-9]\\d{2}([ \u00A0])\\d{3}\\1\\d{3}");
    private static final List<String> WRITTEN_IN_THREES = List.of("ES", "PT", "PL", "CZ", "SK");

    private PhoneNumbers() {
    }

    /** Whether {@code text} from {@code begin} to {@code end} is a phone number. */
    static boolean accepts(String text, int begin, int end) {
        String candidate = text.substring(begin, end);
        int digits = NumberChecks.digitCount(candidate);
        if (digits < 7 || digits > 15 || isDateOrTime(candidate)) {
            return false;
        }
        boolean slashed = candidate.indexOf('/') >= 0;
        if (slashed && !AREA_CODE_SLASH.matcher(candidate).matches()) {
            return false;
        }
        if (candidate.startsWith("+")) {
            return possibleInternational(candidate.substring(1));
        }
        if (candidate.startsWith("00") && possibleInternational(candidate.substring(2))) {
            return true;
        }
        if (!PhoneContext.saysPhone(text, begin, end) && (PhoneContext.namesSomethingElse(text, begin, end)
                || PhoneContext.namesReferenceRun(text, begin, end)
                || SSN_SHAPE.matcher(candidate).matches() && PhoneContext.namesReference(text, begin, end))) {
            return false;
        }
        if (PhoneContext.announcesPhone(text, begin)) {
            return true;
        }
        if (slashed && digits < SLASHED_DIGITS_UNANNOUNCED
                || inText(POSTCODE, text, begin, end) && TOWN_AFTER.matcher(text).region(end, text.length()).lookingAt()
                        && StreetAddresses.endsBeforePostcode(text, begin, candidate)
                || NUMBER_AND_POLISH_POSTCODE.matcher(candidate).matches() && TOWN_AFTER.matcher(text).region(end, text.length()).lookingAt()
                || inText(ZIP_PLUS_FOUR, text, begin, end)) {
            return false;
        }
        if (NINE_IN_THREES.matcher(candidate).matches() && validWhereWrittenInThrees(candidate)) {
            return true;
        }
        if (THOUSANDS.matcher(candidate).matches() || IP_ADDRESS.matcher(candidate).matches() || isVersion(candidate)
                || YEAR_REFERENCE.matcher(candidate).lookingAt() || inText(ANDROID_BUILD, text, begin, end)
                || CPF_SHAPE.matcher(candidate).matches() && !NationalIds.validCpf(candidate.replaceAll("\\D", ""))) {
            return false;
        }
        return startsLikePhone(candidate) || candidate.chars().anyMatch(c -> " -.()\u00A0".indexOf(c) >= 0);
    }

    /** Whether {@code pattern} matches the text from begin to end, seeing (through lookbehind) what comes before. */
    private static boolean inText(Pattern pattern, String text, int begin, int end) {
        return pattern.matcher(text).region(begin, end).useTransparentBounds(true).matches();
    }

    /** A number starting like this may be followed directly by more digits ("+44 20 7946 0958 2024"). */
    static boolean startsLikePhone(String candidate) {
        return candidate.startsWith("+") || candidate.startsWith("(") || candidate.startsWith("0");
    }

    private static boolean isDateOrTime(String candidate) {
        return DATE.matcher(candidate).matches() || DATE_FIRST.matcher(candidate).lookingAt()
                || DATE_TIME.matcher(candidate).lookingAt() || TIME_RANGE.matcher(candidate).matches()
                || DATE_IN_GROUPS.matcher(candidate).matches();
    }

    private static boolean isVersion(String candidate) {
        return VERSION.matcher(candidate).matches() && ONE_DIGIT_GROUP.matcher(candidate).find();
    }

    private static boolean validWhereWrittenInThrees(String candidate) {
        for (String region : WRITTEN_IN_THREES) {
            try {
                if (UTIL.isValidNumberForRegion(UTIL.parse(candidate, region), region)) {
                    return true;
                }
            } catch (NumberParseException e) {
                // not a number of that country's form; try the next
            }
        }
        return false;
    }

    /** The digits after the international prefix: a country code and a number as long as that country's are. */
    static boolean possibleInternational(String afterPrefix) {
        try {
            return UTIL.isPossibleNumberWithReason(UTIL.parse("+" + afterPrefix, "ZZ")) == ValidationResult.IS_POSSIBLE;
        } catch (NumberParseException e) {
            return false;
        }
    }
}
