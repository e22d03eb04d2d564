package dev.loopwise.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A Polish postcode and town standing alone are an address after a name's or a label's colon, a semicolon or a bracket
 * too, with a town of up to three words; a count, a status or one more range after such a number is no town.
 */
class PolishPostcodeAloneTest {
    private final PiiMasker masker = PiiMasker.all();

    @Test
    void aPostcodeAndTownAfterALabelOrInBracketsAreMasked() {
        assertEquals("Adres: [ADDRESS]", masker.mask("Adres: 00-263 Warszawa"));
        assertEquals("Kod pocztowy: [ADDRESS]", masker.mask("Kod pocztowy: 00-263 Warszawa"));
        assertEquals("Jan Kowalski; [ADDRESS]", masker.mask("Jan Kowalski; 00-263 Warszawa"));
        assertEquals("([ADDRESS])", masker.mask("(00-263 Warszawa)"));
        assertEquals("Jan Kowalski, [ADDRESS]", masker.mask("Jan Kowalski, 05-100 Nowy Dwór Mazowiecki"));
        assertEquals("Adres: [ADDRESS]; [ADDRESS]", masker.mask("Adres: 00-263 Warszawa; 05-100 Nowy Dwór Mazowiecki"),
                "a postcode and town before is no range");
        assertEquals("Marszałkowska 10-12, [ADDRESS]", masker.mask("Marszałkowska 10-12, 00-263 Warszawa"),
                "a house number's range is no range of counts");
        assertEquals("Order 10-100 shipped, address: [ADDRESS]", masker.mask("Order 10-100 shipped, address: 00-263 Warszawa"),
                "a range further back on the line is no item of the same list");
        assertEquals("Tel 22-555 ok, adres: [ADDRESS]", masker.mask("Tel 22-555 ok, adres: 00-263 Warszawa"));
        assertEquals("Rows 10-100 done. Please ship to: [ADDRESS]", masker.mask("Rows 10-100 done. Please ship to: 00-263 Warszawa"));
        assertEquals("Adres - [ADDRESS]", masker.mask("Adres - 00-263 Warszawa"), "after a dash where the line gives an address");
        assertEquals("Adres: [ADDRESS] / [ADDRESS]", masker.mask("Adres: ul. Długa 5 / 00-263 Warszawa"));
        assertEquals("Jan Kowalski: [ADDRESS]", masker.mask("Jan Kowalski: 00-263 Warszawa"), "a name's value with no address word");
        assertEquals("Ship to: [ADDRESS]", masker.mask("Ship to: 31-042 Kraków"));
        assertEquals("Adres dostawy: [ADDRESS]", masker.mask("Adres dostawy: 00-263 Warszawa"));
        assertEquals("Foo: [ADDRESS]", masker.mask("Foo: 12-345 Xyz"), "a label's value shaped so is hidden rather than risk an address");
        assertEquals("Deliver to Jan Kowalski: [ADDRESS]", masker.mask("Deliver to Jan Kowalski: 05-100 Nowy Dwór Mazowiecki"));
        assertEquals("([ADDRESS])", masker.mask("(12-345 Xyz)"), "in brackets with no label a town may be any word");
    }

    @Test
    void aCountStatusOrRangeAfterSuchANumberStays() {
        for (String text : new String[] {"11-100 Users: $10 per month", "Plan\n20-100 Weeks", "Timeout, 30-180 Seconds",
            "Results, 10-120 Errors", "Build, 12-345 Passed", "PR, 12-345 Merged", "Invoice, 10-200 Approved",
            "Rows 10-100, 20-300 Skipped", "Rows 10-100, 20-300 Warszawa", "Step: 12-345 Failed",
            "Jan Kowalski, 05-100 Nowy Dwór Mazowiecki Please Call", "Chapter: 12-345 Introduction", "Ratio: 10-100 Mbps",
            "Meeting: 10-120 Tomorrow", "Error: 40-400 Bad Request", "Line: 12-345 Main", "Pages - 12-345 Warszawa",
            "Sizes 10-100; 20-300 Warszawa"}) {
            assertEquals(text, masker.mask(text));
        }
    }

    /** An address word anywhere before on the line counts, however long the line, and the line is read in its length's time. */
    @Test
    void onALongLineTheWordsNearThePostcodeDecide() {
        assertEquals("Adres - [ADDRESS]", afterALongLine("Adres - 00-263 Warszawa"));
        assertEquals("Adres ([ADDRESS])", afterALongLine("Adres (00-263 Introduction)"));
        assertEquals("Rows 10-100, 20-300 Warszawa", afterALongLine("Rows 10-100, 20-300 Warszawa"));
        assertEquals("Rows, [ADDRESS]", afterALongLine("Rows, 20-300 Warszawa"));
        String farCue = "Adres " + "lorem ipsum ".repeat(20);
        assertEquals(farCue + "- [ADDRESS]", masker.mask(farCue + "- 00-263 Warszawa"), "the address word is 246 characters back");
        String kiosk = " m. 5, klatka B, domofon 15, proszę dzwonić dwa razy bo domofon czasem nie działa, paczkę można też "
                + "zostawić u sąsiada pod numerem 6 jeśli mnie nie ma, albo w paczkomacie na rogu, albo u pani w kiosku - ";
        assertEquals("Shipping address: Jan Kowalski, [ADDRESS]" + kiosk + "[ADDRESS]",
                masker.mask("Shipping address: Jan Kowalski, ul. Marszałkowska 10" + kiosk + "00-590 Warszawa"),
                "the address words are more than 200 characters back");
        String deliver = "Deliver to: " + "lorem ipsum ".repeat(20) + "/ 00-263 Warszawa";
        assertEquals(deliver.replace("00-263 Warszawa", "[ADDRESS]"), masker.mask(deliver));
        String bracket = "Please deliver to my address, " + "lorem ipsum ".repeat(21) + "(00-263 Introduction)";
        assertEquals(bracket.replace("00-263 Introduction", "[ADDRESS]"), masker.mask(bracket));
        assertEquals("Chapter: 12-345 Introduction\nAdres ([ADDRESS])", masker.mask("Chapter: 12-345 Introduction\nAdres (00-263 Introduction)"),
                "an address word on the next line counts only there");
        assertEquals("Adres\r(12-345 Introduction)", masker.mask("Adres\r(12-345 Introduction)"), "nor on the line before");
    }

    private String afterALongLine(String text) {
        String words = "lorem ipsum ".repeat(500);
        return masker.mask(words + text).substring(words.length());
    }
}
