package dev.loopwise.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Hand-made texts: what must be masked, and what a reviewer still needs to read (orders, amounts, dates). */
class PiiMaskerTest {
    private final PiiMasker masker = PiiMasker.all();

    @Test
    void masksEachKindWithItsPlaceholder() {
        assertEquals("Write to [EMAIL] please", masker.mask("Write to jane.doe+shop@mail.example.co.uk please"));
        assertEquals("Refund to [IBAN] today", masker.mask("Refund to DE89 3704 0044 0532 0130 00 today"));
        assertEquals("Refund to [IBAN].", masker.mask("Refund to GB82WEST12345698765432."));
        assertEquals("Card [CARD] was charged", masker.mask("Card 4111 1111 1111 1111 was charged"));
        assertEquals("Card [CARD] was charged", masker.mask("Card 5500-0000-0000-0004 was charged"));
        assertEquals("Call [PHONE] or [PHONE]", masker.mask("Call +44 20 7946 0958 or (555) 123-4567"));
        assertEquals("Call me on [PHONE].", masker.mask("Call me on 07700 900123."));
        assertEquals("Ship to [ADDRESS], Springfield", masker.mask("Ship to 742 Evergreen Terrace, Springfield"));
        assertEquals("Ship to [ADDRESS] apt 4", masker.mask("Ship to 12 baker street apt 4"));
        assertEquals("I live at [ADDRESS] now", masker.mask("I live at 1600 Pennsylvania Ave. now"));
    }

    @Test
    void leavesWhatAReviewerNeedsToJudge() {
        String text = "Order 12345678 for $1,299.99 placed on 2024-05-01 (or 05/01/2024), 3 items, tracking 1Z999AA10123456784";
        assertEquals(text, masker.mask(text));
        assertEquals("Card 4111 1111 1111 1112 is wrong", masker.mask("Card 4111 1111 1111 1112 is wrong"), "fails Luhn");
        assertEquals("IBAN DE88 3704 0044 0532 0130 00?", masker.mask("IBAN DE88 3704 0044 0532 0130 00?"), "fails mod 97");
        assertEquals("I waited 2 days on the road", masker.mask("I waited 2 days on the road"));
        assertEquals("Charged for order FH-440033 2 times", masker.mask("Charged for order FH-440033 2 times"),
                "an order code followed by a number is no phone");
        assertEquals("call [PHONE], order FH-330022 3", masker.mask("call 020 7946 0958, order FH-330022 3"));
        assertEquals("", masker.mask(""));
        assertEquals(null, masker.mask(null));
    }

    @Test
    void masksNumbersHoweverTheyAreGrouped() {
        assertEquals("IBAN [IBAN] thanks", masker.mask("IBAN DE89-3704-0044-0532-0130-00 thanks"));
        assertEquals("iban [IBAN] thanks", masker.mask("iban de89 3704 0044 0532 0130 00 thanks"));
        assertEquals("to [IBAN].", masker.mask("to DE89  3704  0044  0532  0130  00."));
        assertEquals("to [IBAN]", masker.mask("to DE 89 3704 0044 0532 0130 00"));
        assertEquals("to [IBAN]", masker.mask("to gb82-west-1234-5698-7654-32"));
        assertEquals("to [IBAN]", masker.mask("to DE8937040044 0532013000"));
        assertEquals("on 12 May to [IBAN].", masker.mask("on 12 May to DE89 3704 0044 0532 0130 00."));
        assertEquals("Visa-[CARD] used", masker.mask("Visa-4111 1111 1111 1111 used"));
        assertEquals("card [CARD]", masker.mask("card 4111.1111.1111.1111"));
        assertEquals("card [CARD]", masker.mask("card 4111 - 1111 - 1111 - 1111"));
        assertEquals("Amex [CARD]", masker.mask("Amex 3782 822463 10005"));
        assertEquals("card [CARD]", masker.mask("card 4222222222222"), "13 digits");
        assertEquals("card [CARD]", masker.mask("card 6011 0000 0000 0000 001"), "19 digits");
        assertEquals("card [CARD]/exp", masker.mask("card 4111111111111111/exp"));
    }

    @Test
    void masksNumbersFollowedByMoreDigitsOrWords() {
        assertEquals("[IBAN] 2024", masker.mask("DE89 3704 0044 0532 0130 00 2024"));
        assertEquals("[CARD] 2024", masker.mask("4111 1111 1111 1111 2024"));
        assertEquals("call [PHONE] 2024", masker.mask("call +44 20 7946 0958 2024"));
        assertEquals("call [PHONE]x12", masker.mask("call 555-123-4567x12"));
        assertEquals("call [PHONE]ext 12", masker.mask("call +44 20 7946 0958ext 12"));
        assertEquals("tel [PHONE]abc", masker.mask("tel 07700900123abc"));
        assertEquals("tel:[PHONE]/2", masker.mask("tel:+4915112345678/2"));
        assertEquals("appel [PHONE]", masker.mask("appel 01.23.45.67.89"), "not a date");
    }

    @Test
    void leavesOrderNumbersDatesAndAmountsWhateverFollows() {
        for (String text : new String[] {"order 1234567890123 shipped",
                "orders 12345678 87654321 on 2024-05-01 12:30", "paid 1 299.99 EUR on 01.05.2024",
                "IBAN DE88 3704 0044 0532 0130 00 2024", "card 4111-1111-1111-1112 2024", "ref AT12 3456 7890",
                "tracking 1Z999AA10123456784 2 boxes", "order FH-440033 2 times", "on 2024-05-01 4 items"}) {
            assertEquals(text, masker.mask(text));
        }
    }

    @Test
    void masksOnlyTheKindsAsked() {
        PiiMasker emailOnly = new PiiMasker(EnumSet.of(PiiMasker.Kind.EMAIL));
        assertEquals("[EMAIL] / 4111 1111 1111 1111", emailOnly.mask("a@b.io / 4111 1111 1111 1111"));
        PiiMasker none = new PiiMasker(EnumSet.noneOf(PiiMasker.Kind.class));
        assertEquals("a@b.io", none.mask("a@b.io"));
        assertTrue(none.kinds().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> PiiMasker.Kind.parse("passport"));
    }

    @Test
    void checksumsByHand() {
        assertFalse(NumberChecks.validCard("79927398713"), "passes Luhn, but 11 digits are too few for a card");
        assertTrue(NumberChecks.validCard("4111111111111111"));
        assertTrue(NumberChecks.validIban("GB82WEST12345698765432"));
        assertFalse(NumberChecks.validIban("GB83WEST12345698765432"));
        assertFalse(NumberChecks.validIban("GB82WEST1234569876543"), "one character short of a British IBAN");
        assertTrue(NumberChecks.validIban("DZ54 0004 0012 3456 7890 1234 56"), "a country outside SWIFT's registry still has IBANs");
        assertFalse(NumberChecks.validIban("DZ55 0004 0012 3456 7890 1234 56"), "and they pass mod 97 like any other");
        assertTrue(NumberChecks.validIban("gb82 west 1234 5698 7654 32"));
        assertFalse(PiiMasker.looksLikePhone("12345678"), "a bare run of digits is an order number");
        assertFalse(PiiMasker.looksLikePhone("2024-05-01"), "a date");
        assertTrue(PiiMasker.looksLikePhone("555 0100 222"));
    }

    /** Every identity number whose check fails by one slipped digit or letter is read as written. */
    @Test
    void identityNumbersPassTheirChecks() {
        for (String[] valid : new String[][] {{"2345 6789 0127", "2345 6789 0128"}, {"529.982.247-25", "529.982.247-26"},
                {"12345678Z", "12345678Y"}, {"X1234567L", "X1234567M"}}) {
            assertEquals("Mine is [ID].", masker.mask("Mine is " + valid[0] + "."), valid[0]);
            assertFalse(masker.mask("Mine is " + valid[1] + ".").contains("[ID]"), valid[1]);
        }
        assertTrue(NationalIds.verhoeff("234567890127"));
        assertFalse(NationalIds.verhoeff("234567890172"), "two neighbouring digits swapped");
        assertFalse(NationalIds.validCpf("11111111111"), "one digit repeated passes mod 11 but is no CPF");
        assertEquals("SSN [ID], not [PHONE]", masker.mask("SSN 123-45-6789, not 212-555-0147"));
        assertEquals("Order 123-45-6789 shipped", masker.mask("Order 123-45-6789 shipped"));
    }

    /** Left out of the masked kinds, an identity number a phone number's rule takes is still masked, as a phone. */
    @Test
    void withoutTheIdKindAnIdentityNumberFallsToThePhoneRule() {
        PiiMasker noIds = new PiiMasker(EnumSet.complementOf(EnumSet.of(PiiMasker.Kind.ID)));
        assertEquals("CPF [PHONE]", noIds.mask("CPF 529.982.247-25"));
        assertEquals("SSN [PHONE]", noIds.mask("SSN 123-45-6789"));
        assertEquals("CPF 529.982.247-24", noIds.mask("CPF 529.982.247-24"), "a CPF whose check fails is no phone either");
    }

    /** Words after a postcode and town that go on with capitals are the customer's sentence: none of it is taken. */
    @Test
    void aPostcodeAndTownTakeNoMoreThanTheTown() {
        assertEquals("[ADDRESS], 10115 Berlin Please Call Me", masker.mask("Hauptstraße 12, 10115 Berlin Please Call Me"));
        assertEquals("[ADDRESS]. Order 12345 Shipped", masker.mask("Hauptstraße 12, 10115 Berlin. Order 12345 Shipped"));
        assertEquals("[ADDRESS] is where I live", masker.mask("Via Garibaldi 7, 10122 Torino is where I live"));
    }

    /** A PIN or security code after a masked card spends it as its number does; without a card it is a reference. */
    @Test
    void aCardsPinOrSecurityCodeIsMaskedWithIt() {
        assertEquals("gift card [CARD], PIN [CARD]", masker.mask("gift card 6006 4911 2345 6789, PIN 4821"));
        assertEquals("gift card [CARD] pin: [CARD]", masker.mask("gift card 2345-6789-0127 pin: 4821"));
        assertEquals("gift card [CARD], security code [CARD].", masker.mask("gift card 2345-6789-0127, security code 48213377."));
        assertEquals("Card [CARD] (CVV [CARD])", masker.mask("Card 4111 1111 1111 1111 (CVV 123)"));
        assertEquals("card [CARD] 12/25, CVC [CARD]", masker.mask("card 5500 0000 0000 0004 12/25, CVC 123"));
        assertEquals("PIN reset for order 4821", masker.mask("PIN reset for order 4821"));
        assertEquals("card [CARD], PIN reset for order 4821", masker.mask("card 4111 1111 1111 1111, PIN reset for order 4821"));
        assertEquals("Card 4111 1111 1111 1112, PIN 4821", masker.mask("Card 4111 1111 1111 1112, PIN 4821"), "fails Luhn: no card");
    }

    /** Codes on the next line, after a stop, dash, slash or bracket, after any expiry date, and one after another. */
    @Test
    void everyCodeAfterACardIsMaskedHoweverItIsSetApart() {
        assertEquals("Card: [CARD]\nCVV: [CARD]", masker.mask("Card: 4111 1111 1111 1111\nCVV: 123"));
        assertEquals("gift card [CARD]\r\n\tPIN: [CARD]", masker.mask("gift card 6006 4911 2345 6789\r\n\tPIN: 4821"));
        assertEquals("card [CARD]. CVV [CARD]", masker.mask("card 4111 1111 1111 1111. CVV 123"));
        assertEquals("card [CARD] - CVV [CARD] / PIN [CARD]", masker.mask("card 4111 1111 1111 1111 - CVV 123 / PIN 4821"));
        assertEquals("card [CARD] (exp 12/25, CVV [CARD])", masker.mask("card 4111 1111 1111 1111 (exp 12/25, CVV 123)"));
        assertEquals("card [CARD] 12-25 CVV [CARD]", masker.mask("card 4111 1111 1111 1111 12-25 CVV 123"));
        assertEquals("card [CARD] expiring 12/25, CVV [CARD]", masker.mask("card 4111 1111 1111 1111 expiring 12/25, CVV 123"));
        assertEquals("card [CARD], expiry date 12/2025, CVV [CARD]", masker.mask("card 4111 1111 1111 1111, expiry date 12/2025, CVV 123"));
        assertEquals("card [CARD] valid thru 12/25 CVV [CARD]", masker.mask("card 4111 1111 1111 1111 valid thru 12/25 CVV 123"));
        assertEquals("[CARD], CVV [CARD], PIN [CARD]", masker.mask("4111 1111 1111 1111, CVV 123, PIN 4821"));
        assertEquals("card [CARD] with CVV [CARD] and PIN [CARD]", masker.mask("card 4111 1111 1111 1111 with CVV 123 and PIN 4821"));
        assertEquals("card [CARD]\nPIN reset for order 4821", masker.mask("card 4111 1111 1111 1111\nPIN reset for order 4821"));
        assertEquals("card [CARD]. Thanks! PIN 4821 is the order", masker.mask("card 4111 1111 1111 1111. Thanks! PIN 4821 is the order"));
    }

    /** After a gift card's number, as after any card's, a month and year are its expiry date and stay as written. */
    @Test
    void aCardsExpiryDateStaysAfterAGiftCard() {
        assertEquals("card [CARD] 12/25", masker.mask("card 4111 1111 1111 1111 12/25"));
        assertEquals("gift card [CARD] 12/25", masker.mask("gift card 4111 1111 1111 1111 12/25"));
        assertEquals("gift card [CARD] 03/2026 failed", masker.mask("gift card 2345-6789-0127 03/2026 failed"));
        assertEquals("gift card [CARD] failed", masker.mask("gift card 4111 1111 1111 1111 12 failed"), "a group with no year is the number's");
    }

    /**
     * Without "ul." a capitalised word, number, Polish postcode and town are an address whatever the town ends with
     * ("Ursus", "Las"); an order or count word where the street would stand is none.
     */
    @Test
    void aPolishStreetWithoutItsWordIsNoOrderNumber() {
        assertEquals("[ADDRESS]", masker.mask("Regulska 5, 02-495 Ursus"));
        assertEquals("[ADDRESS]", masker.mask("Regulska 5 02-495 Ursus"));
        assertEquals("[ADDRESS]", masker.mask("Kościelna 3, 34-146 Las"));
        assertEquals("Order 123, 12-345 Items", masker.mask("Order 123, 12-345 Items"));
        assertEquals("Order 123, [ADDRESS]", masker.mask("Order 123, 12-345 Warszawa"), "the postcode and town, not the order");
        assertEquals("[ADDRESS]", masker.mask("Piękna 20, 00-549 Warszawa"));
        assertEquals("[ADDRESS]", masker.mask("Krakowska 5 31-062 Krakow"));
        assertEquals("[ADDRESS]", masker.mask("Nowy Świat 15, 00-029 Warszawa"));
    }

    /**
     * A Polish postcode and town alone, after a comma or on a line of their own, name a few streets: they are masked,
     * the words before stay; a status, count or sentence word after such a number is no town.
     */
    @Test
    void aPolishPostcodeAndTownAloneAreAnAddress() {
        assertEquals("[ADDRESS]", masker.mask("12-345 Warszawa"));
        assertEquals("Jan Kowalski, [ADDRESS]", masker.mask("Jan Kowalski, 43-300 Bielsko-Biała"));
        assertEquals("Jan Kowalski, [ADDRESS], Poland", masker.mask("Jan Kowalski, 65-001 Zielona Góra, Poland"));
        assertEquals("Jan Kowalski\n[ADDRESS]", masker.mask("Jan Kowalski\n80-001 Gdańsk"));
        assertEquals("[ADDRESS]", masker.mask("ul. Długa 5, 00-263 Warszawa"), "one address, not two");
        for (String text : new String[] {"tickets 12-345 Done", "Tickets, 12-345 Done", "Order 123, 12-345 DONE", "ticket 12-345 Warszawa",
            "Steps 1-3, 12-345 Monday", "a, 112-345 Warszawa", "send to Jan, 80-001 Gdańsk Please Call Me"}) {
            assertEquals(text, masker.mask(text));
        }
    }

    /** Long runs of what looks like a street name, particle or town: masking ends, and neither throws nor stalls. */
    @Test
    void longHostileTextsAreMaskedWithoutError() {
        String[] texts = {"Via " + "de ".repeat(20000) + "x 1", "ul. " + "de ".repeat(20000) + "x 1",
            "Calle " + "de la ".repeat(2000) + "x 1", "12 rue " + "de ".repeat(3000) + "X", "Avenue " + "Aa-".repeat(3000) + " 1",
            "at Avenue " + "Aa-".repeat(3000) + " 1", "Hauptstraße 12, 10115 " + "Aa-".repeat(3000),
            "Hauptstraße 12, 10115 " + "Aa ".repeat(3000), "Aa-".repeat(3000) + "straße 1", "Via " + "Roma ".repeat(3000) + "12",
            "Gift card: " + "12 ".repeat(3000), "gift card " + "# ".repeat(20000) + "12345678"};
        for (String text : texts) {
            String masked = masker.mask(text);
            assertTrue(masked.length() > 0 && masked.length() <= text.length(), text.substring(0, 20));
        }
    }
}
