package dev.loopwise.privacy;

import java.util.regex.Pattern;

/**
 * Street addresses as customers write them: a house number before the street name and its type ("221B Baker
 * Street", "1600 Pennsylvania Ave."), the French way with the type first ("12 rue de Rivoli"), a compound street
 * name before the number ("Hauptstraße 12", "Keizersgracht 123", "Drottninggatan 5") and the southern European way
 * ("Calle Mayor 10", "Rua Augusta 100", "Via Roma 12"). The street name must be written with a capital where the
 * house number comes after it, so "via email 12 times" stays a sentence.
 */
final class StreetAddresses {
    /** Words that make "2 days on the road" a sentence rather than an address. */
    private static final String NOT_A_STREET_NAME = "(?!(?:the|a|an|on|in|at|of|to|for|by|my|your|our|their|this|that|and|or|"
            + "days?|hours?|weeks?|months?|years?|minutes?|times?|items?|orders?|miles?|km)\\b)";
    private static final String NO_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String NO_WORD_AFTER = "(?![\\p{L}\\p{N}])";
    private static final String NAME = "\\p{Lu}[\\p{L}'.-]*";
    /** A number after the street name, but not a count: "Via Amazon 2 weeks ago", "Plaza Hotel 5 stars". */
    private static final String HOUSE_NUMBER_AFTER = ",?\\s+(?:n[º°o.]\\s*)?\\d{1,5}[a-zA-Z]?" + NO_WORD_AFTER
            + "(?!\\s+(?:days?|weeks?|months?|years?|hours?|minutes?|times?|items?|units?|pieces?|stars?|people|x)\\b)";
    /** The French street types; written with a capital ("2 Place Settings") they need a particle after them. */
    private static final String FRENCH_TYPES = "rue|avenue|av\\.|boulevard|bd|place|chemin|all\u00E9e|impasse|quai|cours";
    private static final String PARTICLE = "(?:(?:de|du|des|la|le|les)\\s+|[ld]')";

    static final Pattern[] PATTERNS = {
        Pattern.compile("\\b\\d{1,5}[A-Za-z]?,?\\s+(?:" + NOT_A_STREET_NAME + "[A-Za-z][A-Za-z'-]*\\s+){1,3}"
                + "(?:street|avenue|road|boulevard|lane|drive|parkway|highway)\\b", Pattern.CASE_INSENSITIVE),
        Pattern.compile("\\b\\d{1,5}[A-Za-z]?,?\\s+(?:[A-Z][A-Za-z'-]*\\.?\\s+){1,3}"
                + "(?:St|Ave|Rd|Ln|Blvd|Dr|Ct|Pl|Way|Terrace|Close|Crescent|Square|Court|Place|Pkwy|Hwy)\\b\\.?"),
        Pattern.compile(NO_WORD_BEFORE + "\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s+(?:(?:" + FRENCH_TYPES + ")\\s+" + PARTICLE + "*|(?i:"
                + FRENCH_TYPES + ")\\s+" + PARTICLE + "+)" + NAME
                + "(?:\\s+(?:(?:de|du|des|la|le)\\s+)?" + NAME + "){0,2}"),
        Pattern.compile(NO_WORD_BEFORE + "\\p{Lu}[\\p{L}'-]*(?:stra\u00DFe|strasse|str\\.|weg|allee|gasse|platz|gracht|straat|laan|"
                + "plein|vej|gade|gatan|v\u00E4gen|veien|\\s+(?:Stra\u00DFe|Strasse|Str\\.|Weg|Allee|Gasse|Platz))" + HOUSE_NUMBER_AFTER),
        Pattern.compile(NO_WORD_BEFORE + "(?:Calle|Carrer|Avenida|Avda\\.|Rua|Travessa|Via|Viale|Piazza|Piazzale|Corso|Largo|Paseo|"
                + "Plaza|Pra\u00E7a|Rambla|Camino|Estrada)\\s+(?:(?:de|del|da|do|dos|das|di|della|dei|la|el|los|las)\\s+)*"
                + NAME + "(?:\\s+" + NAME + "){0,2}" + HOUSE_NUMBER_AFTER),
    };

    private StreetAddresses() {
    }
}
