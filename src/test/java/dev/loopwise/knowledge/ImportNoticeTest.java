package dev.loopwise.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The import outcome the knowledge page's redirect carries stays short enough for any proxy in front of Loopwise. */
class ImportNoticeTest {
    @Test
    void aShortTitleTravelsWhole() {
        assertEquals("Refund policy", ImportNotice.shortened("Refund policy"));
    }

    @Test
    void aLongTitleIsCutWithAnEllipsisWithoutSplittingACharacter() {
        String cut = ImportNotice.shortened("a".repeat(500));
        assertEquals(ImportNotice.TITLE_IN_ADDRESS, cut.length());
        assertTrue(cut.endsWith("a…"), cut);

        // An emoji (two UTF-16 units) across the cut is dropped whole, not halved into an unreadable unit.
        String emojiAtCut = "b".repeat(ImportNotice.TITLE_IN_ADDRESS - 2) + "😀" + "tail";
        String shown = ImportNotice.shortened(emojiAtCut);
        assertEquals("b".repeat(ImportNotice.TITLE_IN_ADDRESS - 2) + "…", shown);
    }

    @Test
    void fiveLongSharedTitlesInAnotherScriptMakeAnAddressAProxyAccepts() {
        List<String> titles = Collections.nCopies(7, "退款政策".repeat(125));
        String address = ImportNotice.address(KnowledgeImporter.Result.of(7, 9, 0, titles, titles, List.of())).toString();
        assertTrue(address.length() < 8_000, address.length() + " characters");
        assertTrue(address.contains("sharedMore=2"), address);
    }

    @Test
    void manyAddressesLeftOutAreCountedAndTheFirstFewNamed() {
        List<String> titles = List.of("A", "B", "C", "D", "E", "F", "G");
        String address = ImportNotice.address(KnowledgeImporter.Result.of(7, 7, 0, titles, List.of(), titles)).toString();
        assertTrue(address.contains("leftOut=7&leftOut1=A&leftOut2=B&leftOut3=C&leftOut4=D&leftOut5=E#"), address);
        assertEquals("Imported 7 articles as 7 passages. 7 article addresses were not links a browser can open and were left out: 'A', 'B',"
                + " 'C', 'D', 'E' and 2 more. Give them http:// or https:// addresses in the file and import it again to show the links.",
                ImportNotice.read("7", "7", "0", List.of(), null, "7", titles.subList(0, 5)));
        assertEquals("Imported 1 article as 2 passages. 1 article address was not a link a browser can open and was left out: 'Returns'."
                + " Give it an http:// or https:// address in the file and import it again to show the link.",
                ImportNotice.read("1", "2", "0", List.of(), null, "1", List.of("Returns")));
    }

    @Test
    void leftOutAddressesNoImportGivesShowNoNotice() {
        assertNull(ImportNotice.read("2", "2", "0", List.of(), null, "3", List.of("A", "B", "C")), "more left out than imported");
        assertNull(ImportNotice.read("2", "2", "0", List.of(), null, "2", List.of("A")), "a title missing");
        assertNull(ImportNotice.read("2", "2", "0", List.of(), null, null, List.of("A")), "titles without a count");
        assertNull(ImportNotice.read("2", "2", "0", List.of(), null, "x", List.of()), "no number");
    }
}
