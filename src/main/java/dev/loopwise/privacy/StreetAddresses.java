package dev.loopwise.privacy;

import java.util.regex.Pattern;

/**
 * Street addresses as customers write them: a house number before the street name and its type ("221B Baker
 * Street", "1600 Pennsylvania Ave."), the French way with the type first ("12 rue de Rivoli", "12 Rue Oberkampf"), a
 * compound street name before the number ("Hauptstraße 12", "Keizersgracht 123", "Drottninggatan 5") and the
 * southern European way ("Calle Mayor 10", "Rua Augusta 100", "Rue de Rivoli 12"). The street name must be written
 * with a capital where the house number comes after it, so "via email 12 times" stays a sentence. Where the street
 * type is an English word too ("Via Windows 11", "Plaza Deluxe 3 pack", "Brigade 5", "2 place Settings"), something
 * must say it is an address: a word such as "at", "to" or "address" before it, or a postcode or a town after it
 * ("Via Roma 12, Milano", "Østergade 12, 1100 København").
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
    /** "at", "to", "address (is)" and the like (in a few languages) right before the street. */
    private static final String CUE_BEFORE = "(?<=\\b(?i:at|to|(?:live[sd]?|living|located)(?:\\s(?:in|on|at))?|address(?:\\s{1,3}is)?|adresse|"
            + "addr\\.|indirizzo|direcci\u00F3n|direccion|endere\u00E7o|morada)\\s?:?\\s{1,3})";
    /** A postcode ("20121", after a comma or before the town) or a town closing the sentence after a comma. */
    private static final String CUE_AFTER = "(?=,\\s*\\d{4,5}" + NO_WORD_AFTER + "|,?\\s+\\d{4,5}\\s+\\p{Lu}|,\\s*\\p{Lu}\\p{Ll}+"
            + "(?:[ -]\\p{Lu}\\p{Ll}+)?\\s*(?:[.,;!?)]|$))";
    /** The French street types that are no English words. */
    private static final String FRENCH_TYPES = "rue|chemin|all\u00E9e|quai|cours";
    /** French street types that are English words too: a particle must follow ("2 Place Settings"). */
    private static final String FRENCH_ENGLISH_TYPES = "avenue|av\\.|boulevard|bd|place|impasse";
    private static final String PARTICLE = "(?:(?:de|du|des|la|le|les)\\s+|[ld]')";
    private static final String FRENCH_NAME = NAME + "(?:\\s+(?:(?:de|du|des|la|le)\\s+)?" + NAME + "){0,2}";
    private static final String SOUTHERN_PARTICLES = "(?:(?:de|del|da|do|dos|das|di|della|dei|du|des|la|le|les|el|los|las)\\s+|[ld]')*";
    /** A street of a southern European type whose name comes before the number. */
    private static String typeFirst(String types) {
        return "(?:" + types + ")\\s+" + SOUTHERN_PARTICLES + NAME + "(?:\\s+" + NAME + "){0,2}" + HOUSE_NUMBER_AFTER;
    }

    static final Pattern[] PATTERNS = {
        Pattern.compile("\\b\\d{1,5}[A-Za-z]?,?\\s+(?:" + NOT_A_STREET_NAME + "[A-Za-z][A-Za-z'-]*\\s+){1,3}"
                + "(?:street|avenue|road|boulevard|lane|drive|parkway|highway)\\b", Pattern.CASE_INSENSITIVE),
        Pattern.compile("\\b\\d{1,5}[A-Za-z]?,?\\s+(?:[A-Z][A-Za-z'-]*\\.?\\s+){1,3}"
                + "(?:St|Ave|Rd|Ln|Blvd|Dr|Ct|Pl|Way|Terrace|Close|Crescent|Square|Court|Place|Pkwy|Hwy)\\b\\.?"),
        Pattern.compile(NO_WORD_BEFORE + "\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s+(?:(?i:" + FRENCH_TYPES + ")\\s+" + PARTICLE + "*|(?:avenue|av\\.|"
                + "boulevard|bd)\\s+" + PARTICLE + "*|(?i:" + FRENCH_ENGLISH_TYPES + ")\\s+" + PARTICLE + "+)" + FRENCH_NAME),
        Pattern.compile(NO_WORD_BEFORE + "\\d{1,4},?\\s+place\\s+" + FRENCH_NAME + CUE_AFTER),
        Pattern.compile(NO_WORD_BEFORE + "\\p{Lu}[\\p{L}'-]*(?:stra\u00DFe|strasse|str\\.|weg|allee|gasse|platz|gracht|straat|laan|"
                + "plein|vej|gatan|v\u00E4gen|veien|\\s+(?:Stra\u00DFe|Strasse|Str\\.|Weg|Allee|Gasse|Platz))" + HOUSE_NUMBER_AFTER),
        Pattern.compile(NO_WORD_BEFORE + typeFirst("Calle|Carrer|Avenida|Avda\\.|Rua|Travessa|Viale|Piazza|Piazzale|Paseo|"
                + "Pra\u00E7a|Rambla|Camino|Estrada|Rue")),
        Pattern.compile(NO_WORD_BEFORE + "(?:" + CUE_BEFORE + "(?:" + typeFirst("Via|Plaza|Largo|Corso") + "|\\p{Lu}[\\p{L}'-]*gade"
                + HOUSE_NUMBER_AFTER + ")|(?:" + typeFirst("Via|Plaza|Largo|Corso") + "|\\p{Lu}[\\p{L}'-]*gade" + HOUSE_NUMBER_AFTER + ")"
                + CUE_AFTER + ")"),
    };

    private StreetAddresses() {
    }
}
