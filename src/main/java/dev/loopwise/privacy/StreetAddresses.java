package dev.loopwise.privacy;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Street addresses as customers write them: a house number before the street name and its type ("221B Baker
 * Street", "1600 Pennsylvania Ave."), the French way with the type first ("12 rue de Rivoli", "12 Rue Oberkampf"), a
 * compound street name before the number ("Hauptstraße 12", "Keizersgracht 123", "Drottninggatan 5") and the
 * southern European way ("Calle Mayor 10", "Rua Augusta 100", "Rue de Rivoli 12"). The street name must be written
 * with a capital where the house number comes after it, so "via email 12 times" stays a sentence. Where the street
 * type is an English word too ("Via Windows 11", "Plaza Deluxe 3 pack", "Brigade 5", "2 place Settings"), something
 * must say it is an address: a word such as "at", "to" or "address" before it, or a postcode or a town after it
 * ("Via Roma 12, Milano", "Østergade 12, 1100 København"), and the name must not be a model's ("Corso Pro 2, Black").
 * A house number may carry a staircase and door ("Mariahilfer Straße 45/3/12"). A postcode and town right after an
 * address are part of it ("Rue de la Paix 12, 75002 Paris", "10 Downing Street, London SW1A 2AA"): together they
 * name a handful of homes; a town alone ("Milano") or a postcode-like number anywhere else (an order number) stays.
 */
final class StreetAddresses {
    /** Words that make "2 days on the road" a sentence rather than an address. */
    private static final String NOT_A_STREET_NAME = "(?!(?:the|a|an|on|in|at|of|to|for|by|my|your|our|their|this|that|and|or|"
            + "days?|hours?|weeks?|months?|years?|minutes?|times?|items?|orders?|miles?|km)" + WordBounds.END + ")";
    private static final String NO_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String NO_WORD_AFTER = "(?![\\p{L}\\p{N}])";
    /** Colours and finishes: "Via Mini 4, Silver" names a product's variant, not a town. */
    private static final String NOT_A_TOWN = "(?!(?:Black|White|Silver|Grey|Gray|Gold|Blue|Red|Green|Pink|Purple|Graphite|Midnight)"
            + WordBounds.END + ")";
    /** Words that make a street-like name a product model: "Corso Pro 2", "Plaza Max 3". */
    private static final String NOT_A_MODEL = "(?!(?:Pro|Max|Plus|Mini|Ultra|Lite|Air|Neo|Edge|Go|One|SE|XL|Gen|Mk|Series|Edition)"
            + WordBounds.END + ")";
    /** Bounded, like every repetition here: a long run of name-like text must not cost quadratic time or the stack. */
    private static final String NAME = "\\p{Lu}[\\p{L}'.-]{0,40}";
    /**
     * A number after the street name, but not a count ("Via Amazon 2 weeks ago", "Plaza Hotel 5 stars") nor one
     * with a leading 0, which no house has ("Lagerplatz 0815").
     */
    private static final String HOUSE_NUMBER_AFTER = ",?\\s+(?:n[º°o.]\\s*)?[1-9]\\d{0,4}[a-zA-Z]?(?:/\\d{1,4}[a-zA-Z]?){0,3}" + NO_WORD_AFTER
            + "(?!\\s+(?:days?|weeks?|months?|years?|hours?|minutes?|times?|items?|units?|pieces?|stars?|people|x)" + WordBounds.END + ")";
    /** "at", "to", "address (is)" and the like (in a few languages) right before the street. */
    private static final String CUE_BEFORE = "(?<=" + WordBounds.START
            + "(?i:at|to|(?:live[sd]?|living|located)(?:\\s(?:in|on|at))?|address(?:\\s{1,3}is)?|adresse|"
            + "addr\\.|indirizzo|direcci\u00F3n|direccion|endere\u00E7o|morada)\\s?:?\\s{1,3})";
    /** A postcode ("20121", after a comma or before the town) or a town closing the sentence after a comma. */
    private static final String CUE_AFTER = "(?=,\\s*\\d{4,5}" + NO_WORD_AFTER + "|,?\\s+\\d{4,5}\\s+\\p{Lu}|,\\s*" + NOT_A_TOWN + "\\p{Lu}\\p{Ll}+"
            + "(?:[ -]\\p{Lu}\\p{Ll}+)?\\s*(?:[.,;!?)]|$))";
    /** The French street types that are no English words. */
    private static final String FRENCH_TYPES = "rue|chemin|all\u00E9e|quai|cours";
    /** French street types that are English words too: a particle must follow ("2 Place Settings"). */
    private static final String FRENCH_ENGLISH_TYPES = "avenue|av\\.|boulevard|bd|place|impasse";
    private static final String PARTICLE = "(?:(?:de|du|des|la|le|les)\\s+|[ld]')";
    private static final String FRENCH_NAME = NAME + "(?:\\s+(?:(?:de|du|des|la|le)\\s+)?" + NAME + "){0,2}";
    private static final String SOUTHERN_PARTICLES = "(?:(?:de|del|da|do|dos|das|di|della|dei|du|des|la|le|les|el|los|las)\\s+|[ld]'){0,4}";
    /** Street types written before the name, capitalised as customers write them; a regex each. */
    static final List<String> TYPES_FIRST = List.of("Calle", "Carrer", "Avenida", "Avda\\.", "Rua", "Travessa", "Viale",
            "Piazza", "Piazzale", "Paseo", "Pra\u00E7a", "Rambla", "Camino", "Estrada", "Rue", "Chauss\u00E9e", "Chemin",
            "All\u00E9e", "Quai");
    /** Polish "ul." and "ulica", often written in lower case. */
    static final List<String> TYPES_FIRST_ANY_CASE = List.of("ul\\.", "ulica");

    /**
     * A look-ahead at the first letters of {@code types}, in either case for {@code anyCase}: built from the lists, so a
     * type added to them is never turned away before its pattern is tried.
     */
    static String startsWithOneOf(List<String> types, List<String> anyCase) {
        StringBuilder letters = new StringBuilder();
        types.forEach(type -> letters.append(type.charAt(0)));
        anyCase.forEach(type -> letters.append(Character.toUpperCase(type.charAt(0))).append(Character.toLowerCase(type.charAt(0))));
        return "(?=[" + letters + "])";
    }

    /** A street of a southern European type whose name comes before the number. */
    private static String typeFirst(String types) {
        return "(?:" + types + ")(?:\\s+|(?<=\\.)(?=\\p{Lu}))" + SOUTHERN_PARTICLES + NAME + "(?:\\s+" + NAME + "){0,2}" + HOUSE_NUMBER_AFTER;
    }

    /** A type that is an English word too ("Via", "Avenue"): no word of the name may be a model's. */
    private static String ambiguousTypeFirst() {
        return "(?:Via|Plaza|Largo|Corso|Avenue|Boulevard)\\s+" + SOUTHERN_PARTICLES + NOT_A_MODEL + NAME
                + "(?:\\s+" + NOT_A_MODEL + NAME + "){0,2}" + HOUSE_NUMBER_AFTER;
    }

    private static final String TOWN_WORD = "\\p{Lu}[\\p{L}'-]{0,40}+";
    /** A town before a UK postcode: "London SW1A 2AA", "Milton Keynes MK9 2BB". */
    private static final String TOWN = TOWN_WORD + "(?:[ -]" + TOWN_WORD + "){0,2}";
    /** Currencies and months read like a town after a number: "Hauptstraße 12, 1500 EUR were charged". */
    private static final String NOT_A_TOWN_AFTER_NUMBER = "(?!(?i:eur|euros?|usd|gbp|chf|sek|nok|dkk|pln|czk|huf|brl|"
            + "dollars?|pesos?|reais|pounds?|francs?|kronor|kroner|z\u0142oty|zloty|january|february|march|april|may|june|"
            + "july|august|september|october|november|december)" + WordBounds.END + ")";
    /** "I" is the customer, not a town: "10115 Berlin I think". */
    private static final String NOT_I = "(?!I" + WordBounds.END + ")";
    /** A country may follow a town of two words: "10115 Berlin Mitte Germany". */
    private static final String COUNTRY = "(?:Germany|Deutschland|Austria|\u00D6sterreich|Switzerland|Schweiz|Suisse|Svizzera|"
            + "France|Belgium|Belgique|Belgi\u00EB|Netherlands|Nederland|Luxembourg|Spain|Espa\u00F1a|Portugal|Italy|Italia|"
            + "Poland|Polska|Denmark|Danmark|Sweden|Sverige|Norway|Norge|Ireland|UK|USA)" + WordBounds.END;
    /**
     * Words a year goes before ("2024 Review", "2023 Edition"): a four-digit number from 1900 to 2099 before any other
     * capitalised word is a postcode (Antwerp's 2000, Sion's 1950), since a masked year costs less than a leaked address.
     */
    private static final String NOT_A_YEAR = "(?!(?:19|20)\\d{2}\\s+(?:Review|Report|Edition|Season|Collection|Catalogue|Catalog|"
            + "Model|Version|Release|Update|Sale|Summer|Winter|Spring|Autumn|Fall|Budget|Plan|Tax|Annual|Invoice|Order|"
            + "Statement|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)" + WordBounds.END + ")";
    /**
     * One or two words, and no further capitalised word after them: in "10115 Berlin Please Call Me" the words after
     * the town are the customer's sentence, so nothing is taken rather than half of it.
     */
    private static final String TOWN_AFTER_POSTCODE = NOT_A_TOWN + NOT_A_TOWN_AFTER_NUMBER + NOT_I + TOWN_WORD + "(?:[ -]" + NOT_I
            + TOWN_WORD + ")?(?:[ \\t]+" + COUNTRY + ")?(?![ \\t]+" + NOT_I + "\\p{Lu})";
    /**
     * With no "ul." before the street, a capitalised word after the Polish postcode is taken for its town, whatever it
     * ends with ("Ursus", "Las"): the street's name, not an order or count word, is what tells "Order 123, 12-345 Items"
     * apart, and a masked reference costs less than a leaked address.
     */
    private static final String POLISH_TOWN = "\\p{Lu}\\p{L}{0,40}+";
    private static final String UK_POSTCODE = "[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}";
    /**
     * Dutch ("1015 CJ"), Portuguese ("1269-046"), Polish ("00-590"), Swedish ("111 51") and four- or five-digit
     * postcodes with an optional country letter ("D-10117"), each before the town; a UK postcode or a US state and
     * ZIP code after it, or a UK postcode alone.
     */
    private static final Pattern POSTCODE_AND_TOWN = Pattern.compile("(?:,\\s*|\\s+)(?:(?:\\d{4} ?[A-Z]{2}|\\d{4}-\\d{3}|\\d{2}-\\d{3}"
            + "|\\d{3} \\d{2}|(?:[A-Z]{1,2}-)?" + NOT_A_YEAR + "\\d{4,5})\\s+" + TOWN_AFTER_POSTCODE + "|" + UK_POSTCODE
            + "(?:\\s+" + TOWN_AFTER_POSTCODE + ")?|" + TOWN + "(?:\\s+" + UK_POSTCODE + "|(?:,\\s*|\\s+)[A-Z]{2}\\s+\\d{5}(?:-\\d{4})?))"
            + NO_WORD_AFTER);

    /**
     * {@code text}, already masked, with the postcode and town after each address taken into its placeholder. A
     * masked phone number after an address is never taken: the phone rule leaves a postcode before a town alone.
     */
    static String withPostcodeAndTown(String text, String placeholder) {
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        for (int at = text.indexOf(placeholder); at >= 0; at = text.indexOf(placeholder, at + 1)) {
            int end = at + placeholder.length();
            Matcher matcher = POSTCODE_AND_TOWN.matcher(text).region(end, text.length());
            if (at >= last && matcher.lookingAt()) {
                out.append(text, last, end);
                last = matcher.end();
            }
        }
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }

    /** Words that follow a reference, a count or a range and read like a town: "Order 123, 12-345 Items", "12-345 Done". */
    private static final String NOT_A_TOWN_AFTER_REFERENCE = "(?!(?i:items?|units?|pieces?|pcs|parts?|pages?|points?|days?|"
            + "hours?|minutes?|seconds?|weeks?|months?|years?|times?|users?|people|members?|errors?|warnings?|rows?|"
            + "records?|files?|tests?|requests?|messages?|tickets?|results?|steps?|calls?|views?|visits?|clicks?|votes?|"
            + "done|open|opened|closed|pending|new|shipped|delivered|resolved|cancell?ed|returned|refunded|paid|failed|"
            + "passed|merged|approved|rejected|skipped|succeeded|completed|declined|accepted|blocked|won|lost|total|status|"
            + "orders?|invoices?|ok|yes|no|please|thanks|thank|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
            + "and|or|to|from|until|the|if|call|text)" + WordBounds.END + ")";
    /** "Nowy Dwór Mazowiecki": a Polish town may take three capitalised words. */
    private static final String POLISH_TOWN_ALONE = NOT_A_TOWN + NOT_A_TOWN_AFTER_NUMBER + NOT_I + TOWN_WORD + "(?:[ -]" + NOT_I
            + TOWN_WORD + "){0,2}(?:[ \\t]+" + COUNTRY + ")?(?![ \\t]+" + NOT_I + "\\p{Lu})";
    /**
     * A Polish postcode and a town after it: a capitalised word in lower case after its first letter, no status, count
     * or sentence word, and no further capitalised word after it ("Order 123, 12-345 Items", "12-345 DONE" stay).
     * {@link PolishPostcodes} decides from what stands before it whether it is an address.
     */
    static final Pattern POLISH_POSTCODE_AND_TOWN = Pattern.compile("(?<![\\p{L}\\p{N}-])\\d{2}-\\d{3}[ \t\u00A0]+"
            + NOT_A_TOWN_AFTER_REFERENCE + "(?=\\p{Lu}\\p{Ll})" + POLISH_TOWN_ALONE + NO_WORD_AFTER);

    /** How far back a street's name and number are looked for. */
    private static final int STREET_LOOK_BACK = 120;

    /**
     * Whether a house number and postcode ({@code candidate}, from {@code begin}) follow a street's name: "Rue de
     * Rivoli 12 75001 Paris" is an address, "reach Anna on 555 1234 Berlin" a phone. A Portuguese postcode
     * ("1269-046") carries no house number and is a postcode wherever it stands.
     */
    static boolean endsBeforePostcode(String text, int begin, String candidate) {
        int space = candidate.indexOf(' ') < 0 ? candidate.indexOf('\u00A0') : candidate.indexOf(' ');
        if (space < 0) {
            return true;
        }
        int houseEnd = begin + space;
        for (Pattern address : ENDING_HERE) {
            if (address.matcher(text).region(Math.max(0, houseEnd - STREET_LOOK_BACK), houseEnd)
                    .useTransparentBounds(true).find()) {
                return true;
            }
        }
        return false;
    }

    /** "1600 Pennsylvania Avenue NW": the quadrant or side of town after an American street, in capitals. */
    private static final String QUADRANT = "(?:,?\\s(?-i:NW|NE|SW|SE|N|S|E|W)(?![\\p{L}\\p{N}-])\\.?)?";

    /**
     * Each pattern starts by looking at the character it begins with ({@code first}): a look-behind tried at every
     * position of a long text costs several times what one character class does, and nearly every position fails the
     * class. It changes no match, the class being the pattern's own first character's.
     */
    private static final String DIGIT_FIRST = "(?=\\d)";
    private static final String CAPITAL_FIRST = "(?=\\p{Lu})";

    static final Pattern[] PATTERNS = {
        Pattern.compile(DIGIT_FIRST + WordBounds.START + "\\d{1,5}[A-Za-z]?,?\\s+(?:" + NOT_A_STREET_NAME + "[A-Za-z][A-Za-z'-]*\\s+){1,3}"
                + "(?:street|avenue|road|boulevard|lane|drive|parkway|highway)" + WordBounds.END + QUADRANT, Pattern.CASE_INSENSITIVE),
        Pattern.compile(DIGIT_FIRST + WordBounds.START + "\\d{1,5}[A-Za-z]?,?\\s+(?:[A-Z][A-Za-z'-]*\\.?\\s+){1,3}"
                + "(?:St|Ave|Rd|Ln|Blvd|Dr|Ct|Pl|Way|Terrace|Close|Crescent|Square|Court|Place|Pkwy|Hwy)" + WordBounds.END + "\\.?" + QUADRANT),
        Pattern.compile(DIGIT_FIRST + NO_WORD_BEFORE + "\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s+(?:(?i:" + FRENCH_TYPES + ")\\s+" + PARTICLE + "{0,3}|(?:avenue|av\\.|"
                + "boulevard|bd)\\s+" + PARTICLE + "{0,3}|(?i:" + FRENCH_ENGLISH_TYPES + ")\\s+" + PARTICLE + "{1,3})" + FRENCH_NAME),
        Pattern.compile(DIGIT_FIRST + NO_WORD_BEFORE + "\\d{1,4},?\\s+place\\s+" + FRENCH_NAME + CUE_AFTER),
        Pattern.compile(CAPITAL_FIRST + NO_WORD_BEFORE + "\\p{Lu}[\\p{L}'-]{0,40}(?:stra\u00DFe|strasse|str\\.|weg|allee|gasse|platz|gracht|straat|laan|"
                + "plein|vej|gatan|v\u00E4gen|veien|\\s+(?:Stra\u00DFe|Strasse|Str\\.|Weg|Allee|Gasse|Platz))" + HOUSE_NUMBER_AFTER),
        Pattern.compile(startsWithOneOf(TYPES_FIRST, TYPES_FIRST_ANY_CASE) + NO_WORD_BEFORE + typeFirst(String.join("|", TYPES_FIRST)
                + "|(?i:" + String.join("|", TYPES_FIRST_ANY_CASE) + ")")),
        // a Polish street is often written without its "ul.": its postcode and town after the number say it is one
        Pattern.compile(CAPITAL_FIRST + NO_WORD_BEFORE + "(?i:" + NOT_A_STREET_NAME + ")" + NAME + "(?:\\s+" + NAME + ")?" + HOUSE_NUMBER_AFTER
                + "(?=,?\\s+\\d{2}-\\d{3}\\s+" + POLISH_TOWN + ")"),
        Pattern.compile(CAPITAL_FIRST + NO_WORD_BEFORE + "(?:" + CUE_BEFORE + "(?:" + ambiguousTypeFirst() + "|\\p{Lu}[\\p{L}'-]{0,40}gade"
                + HOUSE_NUMBER_AFTER + ")|(?:" + ambiguousTypeFirst() + "|\\p{Lu}[\\p{L}'-]{0,40}gade" + HOUSE_NUMBER_AFTER + ")"
                + CUE_AFTER + ")"),
    };

    /** Each address pattern, anchored to end where the text looked at ends. */
    private static final Pattern[] ENDING_HERE = Arrays.stream(PATTERNS)
            .map(address -> Pattern.compile("(?:" + address.pattern() + ")$", address.flags())).toArray(Pattern[]::new);

    private StreetAddresses() {
    }
}
