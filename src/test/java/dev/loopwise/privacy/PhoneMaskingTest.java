package dev.loopwise.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Phone numbers as customers write them around the world are masked; the other grouped numbers of a support ticket —
 * prices, references, tracking and version numbers, times and dates — stay for the reviewer to read.
 */
class PhoneMaskingTest {
    private final PiiMasker masker = PiiMasker.all();

    @Test
    void masksPhoneNumbersWrittenTheWayEachCountryDoes() {
        String[][] cases = {
            {"Call (555) 123-4567 today", "Call [PHONE] today"},
            {"or 555-123-4567.", "or [PHONE]."},
            {"toll free 1-800-555-0199", "toll free [PHONE]"},
            {"+1 (555) 123-4567", "[PHONE]"},
            {"London office +44 20 7946 0958", "London office [PHONE]"},
            {"+44 (0)20 7946 0958", "[PHONE]"},
            {"Berlin: +49 30 901820", "Berlin: [PHONE]"},
            {"Tel. 030 901820", "Tel. [PHONE]"},
            {"from abroad 0044 20 7946 0958", "from abroad [PHONE]"},
            {"0049 30 901820", "[PHONE]"},
            {"bureau 01 23 45 67 89", "bureau [PHONE]"},
            {"portable 06 12 34 56 78", "portable [PHONE]"},
            {"+33 1 23 45 67 89", "[PHONE]"},
            {"Sydney (02) 9876 5432", "Sydney [PHONE]"},
            {"+81 3-1234-5678", "[PHONE]"},
            {"+91 98765 43210", "[PHONE]"},
            {"06-12345678", "[PHONE]"},
            {"+34 612 34 56 78", "[PHONE]"},
            {"WhatsApp 612 345 678", "WhatsApp [PHONE]"},
            {"my number is 612 345 678", "my number is [PHONE]"},
            {"reach me on 612 345 678 after six", "reach me on [PHONE] after six"},
            {"612 345 678", "[PHONE]"},
            {"Warszawa 512 345 678", "Warszawa [PHONE]"},
            {"call me at 2125551234", "call me at [PHONE]"},
            {"Mobile: 07700 900 123", "Mobile: [PHONE]"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], masker.mask(c[0]), c[0]);
        }
    }

    @Test
    void leavesPricesReferencesVersionsTimesAndDates() {
        for (String text : new String[] {
            "price 1.299.999 EUR", "total 1,299,999", "1 299 999 JPY", "$1 299 999", "1.299.999,00", "100 000 000", "a fund of 123 456 789 EUR",
            "invoice 2024-0012345", "see 2024-0012345", "order #123-4567890", "order no. 123 456 7890", "order number: 555-123-4567",
            "ref 12-345-678", "SKU 123-456-789", "ISBN 978-3-16-148410-0",
            "tracking 7489 2734 1234", "tracking 9400 1000 0000 0000 0000 00",
            "v2.3.14.1", "version 10.4.22.1234", "server 192.168.100.254",
            "open 09.00-17.30", "14.30 - 15.45 Uhr", "12.05.24 14.00", "on 12/05/24 9:30", "Jan 5 2024 10 30",
            "2024 05 01 10 30", "05.01.2024 - 07.01.2024", "01/05/2024 10:30", "2024-05-01T10:30:00",
        }) {
            assertEquals(text, masker.mask(text));
        }
    }

    @Test
    void theNearestWordsDecide() {
        assertEquals("call [PHONE] about order 123-4567890", masker.mask("call 555-123-4567 about order 123-4567890"));
        assertEquals("Order questions: call [PHONE]", masker.mask("Order questions: call 555-123-4567"));
        assertEquals("[PHONE], ref 2024-0012345", masker.mask("+44 20 7946 0958, ref 2024-0012345"));
    }

    /** An unbroken run of digits that an order or purchase word names is that order's number, however far the words go. */
    @Test
    void anOrderOrPurchaseNumberIsNoPhone() {
        for (String text : new String[] {"purchase 00123842", "cancel purchase 00004587345?", "Locate the order with the number 00123842.",
            "the order labeled with the number 00123842", "Look for the order numbered 00123842.", "the order bearing the number 00123842",
            "Enter the purchase number, 00123842, in the box", "invoice no. 0012384211", "reference: 00123842"}) {
            assertEquals(text, masker.mask(text));
        }
    }

    /** Bitext's customers misspell the order word; the run of digits after it is still the order's number. */
    @Test
    void aMisspeltOrderWordStillNamesTheRun() {
        for (String text : new String[] {"cancel purhase 00123842", "i need assistance with canceling puchase 00004587345",
            "need assistance to remove a product from roder 00123842", "I try to check the ETA of the purchqse 00123842",
            "odrer 00123842", "ordr 00123842", "cancel purchse 00004587345", "purhase number 00123842", "Odrer #00123842",
            "ordr 0030123456789"}) {
            assertEquals(text, masker.mask(text));
        }
        assertTrue(MisspeltOrderWords.oneSlipApart("roder", "order"), "two letters swapped");
        assertTrue(MisspeltOrderWords.oneSlipApart("purchqse", "purchase"), "one letter wrong");
        assertTrue(MisspeltOrderWords.oneSlipApart("ordeer", "order"), "one letter added");
        assertFalse(MisspeltOrderWords.oneSlipApart("prchse", "purchase"), "two letters missing");
        assertFalse(MisspeltOrderWords.oneSlipApart("order", "order"), "no slip");
    }

    /** Only a run no country's own numbers start so: a phone after a misspelt order word stays masked. */
    @Test
    void aPhoneAfterAMisspeltOrderWordIsStillMasked() {
        assertEquals("Telefon [PHONE] oder [PHONE]", masker.mask("Telefon 030 1234567 oder 033203123"));
        assertEquals("oder [PHONE]", masker.mask("oder 0301234567"));
        assertEquals("ordr [PHONE]", masker.mask("ordr 0301234567"), "no run starting with 00");
        assertEquals("purhase [PHONE]", masker.mask("purhase 00442079460958"), "an international number");
        assertEquals("purhase [PHONE] is my mobile", masker.mask("purhase 00123842 is my mobile"));
        assertEquals("ordr [PHONE]", masker.mask("ordr 020 7946 0958"));
    }

    /** A word of its own one letter from "order" or "purchase" names no order, and a number dialled abroad is a phone. */
    @Test
    void aRealWordOrAnotherExitCodeBeforeTheNumberLeavesItAPhone() {
        assertEquals("my older number [PHONE] no longer works", masker.mask("my older number 001442079460958 no longer works"));
        assertEquals("older number [PHONE]", masker.mask("older number 001133123456789"), "Australia's 0011, then France");
        assertEquals("older [PHONE]", masker.mask("older 0030123456789"));
        assertEquals("Bel mij onder [PHONE]", masker.mask("Bel mij onder 0030123456789"), "Dutch \"under\"");
        assertEquals("mijn ouders [PHONE]", masker.mask("mijn ouders 0030123456789"), "Dutch \"parents\"");
        assertEquals("Telefon oder [PHONE]", masker.mask("Telefon oder 0030123456789"), "German \"or\"");
        for (String word : new String[] {"border", "odder", "oder", "Ordner", "Orden", "ordem", "ordet", "orde", "ordes",
            "onder", "ouder", "ouders", "ordre", "orter", "arder", "morder", "purchased", "purchaser"}) {
            assertEquals(word + " [PHONE]", masker.mask(word + " 0030123456789"), word);
        }
        assertEquals("purhase [PHONE]", masker.mask("purhase 001442079460958"), "001, then a British number");
        assertEquals("purhase [PHONE]", masker.mask("purhase 001133123456789"), "Australia's 0011, then France");
        assertEquals("purhase [PHONE]", masker.mask("purhase 00821012345678"), "00, then a Korean mobile");
        assertEquals("purhase [PHONE]", masker.mask("purhase 008442079460958"), "008, then a British number");
        assertEquals("purhase [PHONE]", masker.mask("purhase 006442079460958"), "006, then a British number");
        assertEquals("ordr [PHONE]", masker.mask("ordr 000254712345678"), "000, then a Kenyan mobile");
        for (String afterZeroZero : new String[] {"8442079460958", "6442079460958", "0254712345678", "1133123456789"}) {
            assertFalse(PhoneNumbers.possibleInternational(afterZeroZero), "only its own exit code makes it a phone");
        }
        assertEquals("roder 00123842", masker.mask("roder 00123842"), "001 and 23842 is no number");
    }

    /** A phone word, a country code or a phone's grouping after such a word still makes a phone. */
    @Test
    void aPhoneNearAnOrderWordIsStillMasked() {
        assertEquals("order line [PHONE]", masker.mask("order line +44 20 7946 0958"));
        assertEquals("purchase [PHONE]", masker.mask("purchase +442079460958"));
        assertEquals("purchase with the number [PHONE]", masker.mask("purchase with the number 0044 20 7946 0958"));
        assertEquals("purchase [PHONE]", masker.mask("purchase 020 7946 0958"));
        assertEquals("purchase questions: call [PHONE]", masker.mask("purchase questions: call 0612345678"));
        assertEquals("call [PHONE]", masker.mask("call 00123842"));
        assertEquals("repurchase [PHONE]", masker.mask("repurchase 0612345678"), "no order word inside another word");
    }

    /**
     * Only "order 00123842", "order number, 00123842", "the order with the number 00123842" name an order's number: a
     * full stop, a colon or a comma after the order word, or a line break, starts something else, and a phone word
     * after the number or a mobile's shape says it is a phone.
     */
    @Test
    void aPhoneAfterAnOrderWordInAnotherPhraseIsMasked() {
        String[][] cases = {
            {"Thanks for your order, 07946095800 is my mobile", "Thanks for your order, [PHONE] is my mobile"},
            {"I'd like to cancel my purchase. 07700900123 is my number", "I'd like to cancel my purchase. [PHONE] is my number"},
            {"Thanks for the purchase,\n07700900123", "Thanks for the purchase,\n[PHONE]"},
            {"Invoice, 07700900123", "Invoice, [PHONE]"}, {"Tracking, 07700900123", "Tracking, [PHONE]"},
            {"Regarding your booking,\n07700900123", "Regarding your booking,\n[PHONE]"},
            {"I paid for the order with 07946095800", "I paid for the order with [PHONE]"},
            {"my purchase: 07700900123", "my purchase: [PHONE]"}, {"purchase - 07700900123", "purchase - [PHONE]"},
            {"reservation its 0612345678", "reservation its [PHONE]"}, {"purchase 0612345678 is my mobile", "purchase [PHONE] is my mobile"},
            {"order 07946095800", "order [PHONE]"}, {"purchase 00123842 is my mobile", "purchase [PHONE] is my mobile"},
            {"my purchase. 012345678", "my purchase. [PHONE]"}, {"Invoice, 012345678", "Invoice, [PHONE]"},
            {"purchase - 012345678", "purchase - [PHONE]"}, {"the order with 012345678", "the order with [PHONE]"},
            {"reservation its 012345678", "reservation its [PHONE]"},
            {"order 020 7946 0958", "order [PHONE]"}, {"order number 07946 095800", "order number [PHONE]"},
            {"order (020) 7946 0958", "order [PHONE]"}, {"order 06 12 34 56 78", "order [PHONE]"},
            {"order 020-7946-0958", "order [PHONE]"}, {"order 020.7946.0958", "order [PHONE]"},
            {"order 0176 12345678", "order [PHONE]"}, {"order 01761 2345678", "order [PHONE]"}, {"order 030 901820", "order [PHONE]"},
            {"order 07946095800 (mobile)", "order [PHONE] (mobile)"}, {"order 07946095800, my phone", "order [PHONE], my phone"},
            {"purchase 00123842 to call", "purchase [PHONE] to call"},
            {"order number 07946095800 is my mobile", "order number [PHONE] is my mobile"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], masker.mask(c[0]), c[0]);
        }
    }

    @Test
    void anOrderNumberNamedAsSuchStays() {
        for (String text : new String[] {"order number 00123842", "order number 07946095800", "order no. 07946095800",
            "order number: 00123842", "order #00123842", "ref. 00123842", "my purchase 00123842 arrived", "order 00123842 is late",
            "order no. 123 456 7890", "tracking 7489 2734 1234", "order 12 345 678", "purchase 00004587345"}) {
            assertEquals(text, masker.mask(text));
        }
    }

    /** A phone word that names a product after the number ("mobile stand", "phone case") does not call the number a phone. */
    @Test
    void aPhoneProductAfterAReferenceKeepsIt() {
        for (String text : new String[] {"order number 00123842, mobile stand missing", "Part no. 555-201-3344 (phone charger)",
            "SKU 555-201-3344 - phone case", "Model 555-201-3344 mobile stand", "order 00123842 - phone case",
            "order number 00123842 (mobile)", "SKU 555-201-3344, my phone"}) {
            assertEquals(text, masker.mask(text));
        }
    }

    /**
     * A number and a Polish postcode before a town are two numbers, not a phone split in three: before a town they are
     * read as a street's number and postcode, and without a town left; a phone word or a phone's grouping still counts.
     */
    @Test
    void aNumberAndAPolishPostcodeBeforeATownAreNoPhone() {
        assertEquals("[ADDRESS]", masker.mask("Sienkiewicza 10 12-345 Warszawa"));
        assertEquals("[ADDRESS]", masker.mask("Page 10 12-345 Warszawa"), "a capitalised word before reads as the street");
        assertEquals("Order 10 12-345 Items", masker.mask("Order 10 12-345 Items"));
        assertEquals("[PHONE]", masker.mask("10 12 345 67 89"));
        assertEquals("Page [PHONE] Warszawa", masker.mask("Page 10 12 345 67 89 Warszawa"));
        assertEquals("tel. [PHONE] Warszawa", masker.mask("tel. 10 12-345 Warszawa"));
    }

    @Test
    void anInternationalNumberHasItsCountrysLength() {
        assertEquals("+1 299 999", masker.mask("+1 299 999"), "too short for North America");
        assertEquals("+999 1234567", masker.mask("+999 1234567"), "no country has the code 999");
    }

    @Test
    void aPhoneNumberPassingTheLuhnCheckIsNoCard() {
        assertTrue(luhn("004915112345678"), "the example must pass Luhn to mean anything");
        assertEquals("call [PHONE]", masker.mask("call 0049 1511 2345 678"));
        assertFalse(NumberChecks.validCard("004915112345678"), "no card network issues numbers starting with 0");
    }

    @Test
    void aCardHasItsNetworksPrefixAndLength() {
        assertTrue(luhn("41111111111114") && luhn("3714496353984314") && luhn("9400100000000000002"), "the examples must pass Luhn");
        assertFalse(NumberChecks.validCard("41111111111114"), "Visa issues 13, 16 or 19 digits, not 14");
        assertTrue(NumberChecks.validCard("371449635398431"), "American Express: 34 or 37 and 15 digits");
        assertFalse(NumberChecks.validCard("3714496353984314"), "American Express never issues 16 digits");
        assertFalse(NumberChecks.validCard("9400100000000000002"), "no card network issues numbers starting with 94");
        assertTrue(NumberChecks.validCard("5555555555554444"), "Mastercard 51-55");
        assertTrue(NumberChecks.validCard("2223003122003222"), "Mastercard 2221-2720");
        assertTrue(NumberChecks.validCard("3530111333300000"), "JCB");
        assertTrue(NumberChecks.validCard("6200000000000005"), "UnionPay");
        assertTrue(NumberChecks.validCard("36227206271667"), "Diners Club, 14 digits");
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }
        return sum % 10 == 0;
    }
}
