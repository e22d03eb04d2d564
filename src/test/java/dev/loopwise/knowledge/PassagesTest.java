package dev.loopwise.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.json.JsonStrictness;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An article cut into passages: text without markup, pieces of bounded length that overlap and never cross a heading. */
class PassagesTest {
    @Test
    void markupIsNotTextAndCutsKeepWholeCharacters() {
        Article article = ArticleText.markdown("# Help\n\nPress <kbd>Enter</kbd> to send.<script>steal()</script>\n\n"
                + "<div class=\"note\">Keep your receipt.</div>\n\n## " + "Very long heading ".repeat(30) + "\n\nBody.",
                "help", null, "markdown", "help.md", null);
        List<Passages.Draft> drafts = Passages.split(article, 500, 80);
        assertEquals("Press Enter to send.", drafts.get(0).text().split("\n\n")[0]);
        assertTrue(drafts.get(0).text().contains("Keep your receipt.") && !drafts.get(0).text().contains("<"), drafts.get(0).text());
        String heading = drafts.get(drafts.size() - 1).heading();
        assertTrue(heading.length() <= Passages.MAX_HEADING + 1 && heading.endsWith("…"), heading);
        // 600 emoji in one word: cut where no space is, yet never between the two halves of one emoji.
        for (String piece : Passages.cut("a" + "\uD83D\uDE00".repeat(600), 500, 80)) {
            assertTrue(JsonStrictness.storable(piece), "a whole number of characters");
        }
    }

    @Test
    void aLongUnbrokenRunIsCutInsideItRatherThanLeavingAWordAlone() {
        String link = "https://help.example.com/" + "a".repeat(3000);
        List<String> pieces = Passages.cut("See " + link + " for details.", 500, 80);
        assertTrue(pieces.get(0).startsWith("See https://help.example.com/"), pieces.get(0));
        pieces.forEach(piece -> assertTrue(piece.length() > 250 || piece == pieces.get(pieces.size() - 1)
                && piece.endsWith("for details."), "no passage of a word or two: '" + piece + "'"));
        assertTrue(pieces.stream().allMatch(piece -> piece.length() <= 500));
    }

    @Test
    void longParagraphsAreCutWithOverlapAndPassagesNeverCrossAHeading() {
        String sentence = "Our warehouse packs every order by hand and checks each item twice before it leaves. ";
        Article article = ArticleText.markdown("# Packing\n\n" + sentence.repeat(12) + "\n\n## Gift wrap\n\nWe wrap gifts for free.",
                "packing", null, "markdown", "packing.md", null);
        List<Passages.Draft> drafts = Passages.split(article, 500, 80);
        assertEquals("Gift wrap", drafts.get(drafts.size() - 1).heading());
        assertEquals("We wrap gifts for free.", drafts.get(drafts.size() - 1).text());
        List<Passages.Draft> pieces = drafts.subList(0, drafts.size() - 1);
        assertTrue(pieces.size() >= 2, "a 1,000-character paragraph is cut");
        for (int i = 0; i < pieces.size(); i++) {
            String text = pieces.get(i).text();
            assertTrue(text.length() <= 500, text.length() + " characters");
            assertTrue(text.endsWith(".") || i == pieces.size() - 1, "cut at a sentence end: " + text);
            if (i > 0) {
                String previous = pieces.get(i - 1).text();
                String head = text.substring(0, Math.min(20, text.length()));
                assertTrue(previous.substring(previous.length() - 100).contains(head), "overlaps the piece before: " + head);
            }
        }
    }
}
