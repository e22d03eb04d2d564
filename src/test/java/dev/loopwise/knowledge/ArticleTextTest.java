package dev.loopwise.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Passages go into the LLM's prompt and the exports: no control or invisible characters get in with them. */
class ArticleTextTest {

    @Test
    void controlAndInvisibleCharactersAreDroppedButEmojiJoinersAndLineBreaksStay() {
        Article article = ArticleText.markdown("# Ret\u0001urns\n\nbody \u0001\u0002 ctrl \u202ehere\n\nfamily \uD83D\uDC68\u200D\uD83D\uDC69 ok\n- one\n- two",
                "returns", null, "markdown", "returns.md", null);
        assertEquals("Returns", article.title());
        String text = String.join("\n", article.sections().stream().flatMap(s -> s.paragraphs().stream()).toList());
        assertEquals("body ctrl here", text.lines().findFirst().orElseThrow());
        assertEquals(true, text.contains("\uD83D\uDC68\u200D\uD83D\uDC69"), text);
    }
}
