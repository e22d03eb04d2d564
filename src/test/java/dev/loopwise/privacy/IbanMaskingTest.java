package dev.loopwise.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** IBANs: every country's is masked at its own length, and words that happen to pass mod 97 are not. */
class IbanMaskingTest {
    private final PiiMasker masker = PiiMasker.all();

    /** Words after two letters and two digits pass mod 97 once in 97 runs: only a country's IBAN length lets them count. */
    @Test
    void wordsThatPassModNinetySevenAreNoIban() {
        for (String text : new String[] {"i was flying out of chicago on american airlines flight ab123 and my luggage is now lost",
            "do you know if my 401k is able to be rolled over", "change my pin to 1234 on account ending with digits 4994",
            "DO YOU KNOW IF MY 401K IS ABLE TO BE ROLLED OVER"}) {
            assertEquals(text, masker.mask(text));
        }
        assertFalse(NumberChecks.validIban("MY401KISABLETOBEROLLEDOVER"), "passes mod 97, but is mostly letters");
        assertFalse(NumberChecks.validIban("my401kisabletoberolledover"), "in lower case alike");
    }

    @Test
    void ibansOfEveryListedCountryStayMasked() {
        assertEquals("to [IBAN].", masker.mask("to DE89 3704 0044 0532 0130 00."));
        assertEquals("to [IBAN].", masker.mask("to GB82WEST12345698765432."));
        assertEquals("to [IBAN]", masker.mask("to MA64 0115 1900 0001 2050 0053 4921"), "Morocco, outside SWIFT's registry");
        assertEquals("to [IBAN]", masker.mask("to sn12 k001 0015 2000 0256 9000 7542"), "Senegal, in lower case");
        assertEquals("to [IBAN]", masker.mask("to SY51 0012 3456 7890 1234 5678 90"), "a country not listed, as banks print it");
        assertEquals("to MA65 0115 1900 0001 2050 0053 4921", masker.mask("to MA65 0115 1900 0001 2050 0053 4921"), "fails mod 97");
        for (Map.Entry<String, Integer> country : IbanLengths.all().entrySet()) {
            String iban = ibanOf(country.getKey(), country.getValue());
            assertEquals("to [IBAN].", masker.mask("to " + iban + "."), iban);
            String grouped = iban.toLowerCase(Locale.ROOT).replaceAll("(.{4})(?!$)", "$1 ");
            assertEquals("to [IBAN].", masker.mask("to " + grouped + "."), grouped);
        }
    }

    /** Customers type an IBAN in lower case whatever its country, listed or not. */
    @Test
    void lowerCaseIbansOfCountriesNotListedStayMasked() {
        assertEquals("to [IBAN]", masker.mask("to gf0630006000011234567890189"), "French Guiana");
        assertEquals("pay to [IBAN] please", masker.mask("pay to gp73 3000 6000 0112 3456 7890 189 please"));
        assertEquals("[IBAN]", masker.mask("ax21 1234 5600 0007 85"), "Åland");
        assertEquals("Iban: [IBAN]", masker.mask("Iban: Vn57 0012 3456 7890 1234 5678 90"));
        assertEquals("pay to [IBAN]", masker.mask("pay to je46 west 1234 5698 7654 32"), "Jersey, with a bank's letters");
        assertEquals("to [IBAN]", masker.mask("to sy51 0012 3456 7890 1234 5678 90"));
    }

    /** The country, check digits 00 replaced by those ISO 7064 computes, then digits 1, 2, 3… up to the length. */
    private static String ibanOf(String country, int length) {
        StringBuilder account = new StringBuilder();
        for (int i = 0; account.length() < length - 4; i++) {
            account.append((i + 1) % 10);
        }
        String moved = account + String.valueOf(country.charAt(0) - 'A' + 10) + (country.charAt(1) - 'A' + 10) + "00";
        int remainder = 0;
        for (char c : moved.toCharArray()) {
            remainder = (remainder * 10 + c - '0') % 97;
        }
        return country + String.format("%02d", 98 - remainder) + account;
    }

    /** Portugal's IBANs are 25 characters long, as the registry's own example. */
    @Test
    void portugueseIbansAreMasked() {
        assertEquals("to [IBAN].", masker.mask("to PT50 0002 0123 1234 5678 9015 4."));
        assertEquals("to [IBAN].", masker.mask("to pt50 0002 0123 1234 5678 9015 4."), "in lower case");
        assertEquals(25, IbanLengths.of("PT"));
    }
}
