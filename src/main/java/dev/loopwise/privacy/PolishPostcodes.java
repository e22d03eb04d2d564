package dev.loopwise.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Polish postcode and its town standing alone ("Order 123, 12-345 Warszawa", "Adres: 00-263 Warszawa", "(00-263
 * Warszawa)"): together they name a few streets, whatever stands before them, so they are masked as an address where
 * what stands before them lets them be one. At the start of a line or after a comma or semicolon they always are,
 * unless the item just before in the same list is another range of that shape ("Rows 10-100, 20-300 ..."); a range
 * further back ("Order 10-100 shipped, address: 00-263 Warszawa") or a house number's range ("Marszałkowska 10-12,
 * 00-263 Warszawa") does not count. After a label's colon or in brackets a word no town is called ("Chapter: 12-345
 * Introduction", "Error: 40-400 Bad Request") keeps the text, unless the line speaks of an address anywhere before
 * it; any other word is read as a town, since a name's or a label's value ("Jan Kowalski: 00-263
 * Warszawa", "Ship to: 31-042 Kraków") is often an address and showing one is worse than hiding a code ("Foo: 12-345
 * Xyz"). After a dash or a slash ("Adres - 00-263 Warszawa", "ul. Długa 5 / 00-263 Warszawa") only a line that speaks
 * of an address masks it.
 */
final class PolishPostcodes {
    /** Spaces a separator may stand from the postcode. */
    private static final int MOST_SPACES = 3;
    /** "00-263". */
    private static final int POSTCODE_LENGTH = 6;
    /** "10-100   ": the most a range item before a comma spans. */
    private static final int RANGE_ITEM_LENGTH = 9;
    private static final Pattern RANGE_ITEM_BEFORE = Pattern.compile("(?<![\\d-])\\d{2}-\\d{3}[ \t\u00A0]{0,3}$");
    /** Words, in Polish and English, that say the line gives an address; a masked street says so too. */
    private static final Pattern ADDRESS_CUE = Pattern.compile(WordBounds.START + "(?:adres\\p{L}*|address\\p{L}*|addr\\.|kod|"
            + "ul\\.|al\\.|ulica|aleja|os\\.|street|st\\.|road|avenue|ship(?:ping)?|deliver\\p{L}*|wysy\\p{L}*|dostaw\\p{L}*|"
            + "miasto|miejscowo\u015B\u0107|city|town|post(?:al)?[ \t]?code|zip|mieszkam|live)" + WordBounds.END
            + "|" + Pattern.quote(PiiMasker.Kind.ADDRESS.placeholder()),
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Words a label's value begins with that name no town: "Ratio: 10-100 Mbps", "Meeting: 10-120 Tomorrow". */
    private static final Pattern NOT_A_TOWN_AFTER_LABEL = Pattern.compile("(?:introduction|conclusion|summary|overview|"
            + "appendix|contents|index|chapter|section|part|tomorrow|today|yesterday|tonight|morning|evening|mbps|kbps|gbps|"
            + "mb|gb|kb|tb|ms|hz|mhz|ghz|bad|internal|not|main|meeting|request|server|service|gateway|unauthorized|forbidden|"
            + "moved|found|see|example|note|range|between|about|approx|low|high|medium|average|normal|none|unknown|various|"
            + "all|any|each|every|per|bytes|percent|max|min|level|grade|size|ratio|price|cost)"
            + WordBounds.END, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private PolishPostcodes() {
    }

    /** {@code text} with each Polish postcode and town standing alone as an address replaced by {@code placeholder}. */
    static String mask(String text, String placeholder) {
        Matcher matcher = StreetAddresses.POLISH_POSTCODE_AND_TOWN.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        LineSoFar line = new LineSoFar(text);
        int last = 0;
        while (matcher.find()) {
            if (standsAlone(text, matcher.start(), line)) {
                out.append(text, last, matcher.start()).append(placeholder);
                last = matcher.end();
            }
        }
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }

    private static boolean standsAlone(String text, int begin, LineSoFar line) {
        int lineStart = line.startBefore(begin);
        int at = begin;
        while (at > lineStart && begin - at < MOST_SPACES && isSpace(text.charAt(at - 1))) {
            at--;
        }
        if (at == lineStart) {
            return true;
        }
        if (isSpace(text.charAt(at - 1))) {
            return false;
        }
        int separator = at - 1;
        return switch (text.charAt(separator)) {
            case ',', ';' -> !RANGE_ITEM_BEFORE.matcher(text).region(Math.max(lineStart, separator - RANGE_ITEM_LENGTH), separator)
                    .useTransparentBounds(true).find();
            case ':', '(' -> line.cueBetween(lineStart, separator)
                    || !NOT_A_TOWN_AFTER_LABEL.matcher(text).region(townStart(text, begin), text.length()).lookingAt();
            case '-', '\u2013', '\u2014', '/' -> line.cueBetween(lineStart, separator);
            default -> false;
        };
    }

    /**
     * The text read once from its start as the postcodes are visited in order, keeping where the line and its last
     * address word begin: looking back along the line for each postcode made a long line of them cost its length
     * squared, and looking back only so far missed an address word at the start of a long line.
     */
    private static final class LineSoFar {
        private final String text;
        private final Matcher cues;
        private int read;
        private int lineStart;
        private int lastCue = -1;
        private boolean moreCues;

        LineSoFar(String text) {
            this.text = text;
            this.cues = ADDRESS_CUE.matcher(text);
            this.moreCues = cues.find();
        }

        /** Where the line holding {@code at} starts; {@code at} never goes back. */
        int startBefore(int at) {
            for (; read < at; read++) {
                char c = text.charAt(read);
                if (c == '\n' || c == '\r') {
                    lineStart = read + 1;
                }
            }
            return lineStart;
        }

        /**
         * Whether an address word ends by {@code to} and starts at or after {@code from}. A cue never spans a separator
         * or a line break, so the words found over the whole text are those a search between the two would find.
         */
        boolean cueBetween(int from, int to) {
            while (moreCues && cues.end() <= to) {
                lastCue = cues.start();
                moreCues = cues.find();
            }
            return lastCue >= from;
        }
    }

    private static int townStart(String text, int begin) {
        int at = begin + POSTCODE_LENGTH;
        while (at < text.length() && isSpace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0';
    }
}
