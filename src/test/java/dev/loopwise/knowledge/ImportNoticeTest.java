package dev.loopwise.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.SessionStamps;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The import outcome the knowledge page's redirect carries stays short enough for any proxy in front of Loopwise, and is
 * shown only as the import sealed it, to the admin who imported, for a while.
 */
class ImportNoticeTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final SessionStamps STAMPS = new SessionStamps(Optional.of("k".repeat(40)));

    private static URI address(KnowledgeImporter.Result result) {
        return ImportNotice.address(result, "admin", NOW, STAMPS);
    }

    /** The address's parameters, decoded as the page reads them. */
    private static Map<String, String> query(URI address) {
        Map<String, String> values = new HashMap<>();
        for (String pair : address.getRawQuery().split("&")) {
            String[] nameValue = pair.split("=", 2);
            values.put(nameValue[0], URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    /** What the page shows for {@code q} to {@code user} at {@code now}: as KnowledgePage reads it. */
    private static String shown(Map<String, String> q, String user, Instant now, SessionStamps stamps) {
        List<String> shared = new ArrayList<>();
        for (int i = 1; q.containsKey("shared" + i); i++) {
            shared.add(q.get("shared" + i));
        }
        List<String> leftOut = new ArrayList<>();
        for (int i = 1; q.containsKey("leftOut" + i); i++) {
            leftOut.add(q.get("leftOut" + i));
        }
        String notice = ImportNotice.read(q.get("imported"), q.get("passages"), q.get("replaced"), shared, q.get("sharedMore"),
                q.get("leftOut"), leftOut);
        return ImportNotice.shown(notice, q.get("at"), q.get("seal"), user, now, stamps);
    }

    @Test
    void theNoticeIsShownAsTheImportSealedItToItsAdminForTenMinutes() {
        URI address = address(KnowledgeImporter.Result.of(2, 3, 1, List.of("Gift wrap", "Returns"), List.of(1L, 2L), List.of("Gift wrap"), List.of("Returns")));
        Map<String, String> q = query(address);
        assertEquals("1772445600", q.get("at"), "2026-03-02T10:00:00Z in seconds since 1970");
        assertEquals("Imported 2 articles as 3 passages (one of them replaced an earlier import of the same article). 1 article address"
                + " was not a link a browser can open and was left out: 'Returns'. Give it an http:// or https:// address in the file and"
                + " import it again to show the link. 'Gift wrap' is now the title of more than one article, under different ids or"
                + " addresses, and all are kept and found: a re-import replaces only the article with the same id, else the same address,"
                + " else the same title. If they are one article twice, delete the copy you do not want under Articles.",
                shown(q, "admin", NOW, STAMPS));
        assertTrue(shown(q, "admin", NOW.plusSeconds(599), STAMPS).contains("'Returns'"), "a reload within ten minutes");

        assertNull(shown(q, "admin", NOW.plusSeconds(600), STAMPS), "ten minutes on, the link is stale");
        assertNull(shown(q, "admin2", NOW, STAMPS), "another admin's");
        assertNull(shown(q, "admin", NOW, new SessionStamps(Optional.of("z".repeat(40)))), "sealed with another session key");
        Map<String, String> altered = new HashMap<>(q);
        altered.put("leftOut1", "Your password expired: sign in again at https://evil.example");
        assertNull(shown(altered, "admin", NOW, STAMPS), "a title changed");
        Map<String, String> later = new HashMap<>(q);
        later.put("at", String.valueOf(NOW.plusSeconds(300).getEpochSecond()));
        assertNull(shown(later, "admin", NOW.plusSeconds(700), STAMPS), "its time moved");
        Map<String, String> unsealed = new HashMap<>(q);
        unsealed.remove("seal");
        assertNull(shown(unsealed, "admin", NOW, STAMPS), "no seal");
        unsealed.put("seal", "not base64 !");
        assertNull(shown(unsealed, "admin", NOW, STAMPS), "a seal that is no signature");
    }

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
        String address = address(KnowledgeImporter.Result.of(7, 9, 0, titles, List.of(), titles, List.of())).toString();
        assertTrue(address.length() < 8_000, address.length() + " characters");
        assertTrue(address.contains("sharedMore=2"), address);
    }

    @Test
    void manyAddressesLeftOutAreCountedAndTheFirstFewNamed() {
        List<String> titles = List.of("A", "B", "C", "D", "E", "F", "G");
        String address = address(KnowledgeImporter.Result.of(7, 7, 0, titles, List.of(), List.of(), titles)).toString();
        assertTrue(address.contains("leftOut=7&leftOut1=A&leftOut2=B&leftOut3=C&leftOut4=D&leftOut5=E&at="), address);
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
