package dev.loopwise.privacy;

/**
 * Which card numbers exist: each network issues numbers of its own lengths under its own prefixes (IINs). One in ten
 * digit strings passes the Luhn check, so without this a long phone number ("0049 1511 2345 678") or tracking
 * number read as a card. Fifteen-digit airline cards (UATP, prefix 1) are left out: references and order numbers
 * starting with 1 are far more common in support tickets than these cards.
 */
final class CardNetworks {
    /** Prefix range (same number of digits at both ends) and the lengths issued under it. */
    private record Range(String low, String high, int minLength, int maxLength) {
        /** Compared digit by digit, with no substring: every candidate of a long text is checked against each range. */
        boolean holds(String digits) {
            if (digits.length() < minLength || digits.length() > maxLength) {
                return false;
            }
            return compare(digits, low) >= 0 && compare(digits, high) <= 0;
        }

        private static int compare(String digits, String bound) {
            for (int i = 0; i < bound.length(); i++) {
                int difference = digits.charAt(i) - bound.charAt(i);
                if (difference != 0) {
                    return difference;
                }
            }
            return 0;
        }
    }

    private static final Range[] RANGES = {
        new Range("4", "4", 13, 13), new Range("4", "4", 16, 16), new Range("4", "4", 19, 19), // Visa
        new Range("51", "55", 16, 16), new Range("2221", "2720", 16, 16), // Mastercard
        new Range("34", "34", 15, 15), new Range("37", "37", 15, 15), // American Express
        new Range("6011", "6011", 16, 19), new Range("644", "649", 16, 19), new Range("65", "65", 16, 19), // Discover
        new Range("62", "62", 14, 19), new Range("81", "81", 16, 19), // UnionPay
        new Range("3528", "3589", 16, 19), // JCB
        new Range("300", "305", 14, 19), new Range("3095", "3095", 14, 19), new Range("36", "36", 14, 19),
        new Range("38", "39", 14, 19), // Diners Club
        new Range("50", "50", 12, 19), new Range("56", "69", 12, 19), // Maestro and national debit schemes
        new Range("2200", "2204", 16, 19), // Mir
        new Range("82", "82", 16, 16), new Range("353", "353", 16, 16), new Range("356", "356", 16, 16), // RuPay
        new Range("3841", "3841", 16, 19), // Hipercard
        new Range("9792", "9792", 16, 16), // Troy
    };

    private CardNetworks() {
    }

    /** Whether some network issues card numbers of this length under this prefix (digits only). */
    static boolean issues(String digits) {
        for (Range range : RANGES) {
            if (range.holds(digits)) {
                return true;
            }
        }
        return false;
    }
}
