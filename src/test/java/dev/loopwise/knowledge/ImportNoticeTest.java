package dev.loopwise.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        String address = ImportNotice.address(new KnowledgeImporter.Result(7, 9, 0, titles, titles)).toString();
        assertTrue(address.length() < 8_000, address.length() + " characters");
        assertTrue(address.contains("sharedMore=2"), address);
    }
}
