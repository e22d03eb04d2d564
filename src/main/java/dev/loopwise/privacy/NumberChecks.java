package dev.loopwise.privacy;

/** The checks a run of digits must pass to be a card or an IBAN, and the digit counts the other rules share. */
final class NumberChecks {
    private NumberChecks() {
    }

    static boolean validCard(String candidate) {
        return validCard(candidate, 0, candidate.length());
    }

    /**
     * On the text itself, not a copy, counting the digits and summing Luhn in one pass from the last digit: a long
     * text of digits tries several runs from nearly every digit. Luhn before the network table turns away nine in ten.
     */
    static boolean validCard(String text, int begin, int end) {
        int count = 0;
        int sum = 0;
        for (int i = end - 1; i >= begin; i--) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                int d = c - '0';
                if (count++ % 2 == 1) {
                    d *= 2;
                    if (d > 9) {
                        d -= 9;
                    }
                }
                sum += d;
            }
        }
        return count >= 13 && count <= 19 && sum % 10 == 0 && CardNetworks.issues(digitsOf(text, begin, end));
    }

    /**
     * ISO 13616: as long as its country's IBANs are (15 to 34 characters, mostly digits and ending in one, for a country not in the table), and with the first four characters moved to the end and
     * letters read as 10–35, the number mod 97 is 1.
     */
    static boolean validIban(String candidate) {
        // By hand, not String.replaceAll or BigInteger: a long text checks thousands of candidates
        StringBuilder compact = new StringBuilder(candidate.length());
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
                compact.append(c);
            } else if (c >= 'a' && c <= 'z') {
                compact.append((char) (c - 'a' + 'A'));
            }
        }
        String iban = compact.toString();
        int length = IbanLengths.of(iban.substring(0, 2));
        // A country the table does not list still has IBANs, mostly digits and ending in one: else one run of words in 97
        // would pass ("flight ab123 and my luggage …", "MY 401K IS …"), or a word after an IBAN join it ("… 189 please").
        boolean lengthFits = length > 0 ? iban.length() == length : iban.length() >= 15 && iban.length() <= 34
                && digitCount(iban) * 2 >= iban.length() && Character.isDigit(iban.charAt(iban.length() - 1));
        if (!lengthFits || !iban.substring(2, 4).chars().allMatch(Character::isDigit)) {
            return false;
        }
        String moved = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < moved.length(); i++) {
            char c = moved.charAt(i);
            remainder = c <= '9' ? (remainder * 10 + c - '0') % 97 : (remainder * 100 + c - 'A' + 10) % 97;
        }
        return remainder == 1;
    }

    /** Without a regular expression: a long text of digits checks hundreds of thousands of candidates. */
    private static String digitsOf(String text, int begin, int end) {
        StringBuilder digits = new StringBuilder(end - begin);
        for (int i = begin; i < end; i++) {
            if (Character.isDigit(text.charAt(i))) {
                digits.append(text.charAt(i));
            }
        }
        return digits.toString();
    }

    static int digitCount(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                count++;
            }
        }
        return count;
    }
}
