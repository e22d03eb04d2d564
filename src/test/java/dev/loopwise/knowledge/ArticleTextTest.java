package dev.loopwise.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
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

    @Test
    void anAddressLeftOutOfTheLinkStillTellsTheArticleApart() {
        // as a JSON lines export hands each row's url over
        Article eu = ArticleText.markdown("Thirty days.", "Returns", "https://shop.com/eu/returns policy", "jsonl", "help.jsonl", null);
        Article us = ArticleText.markdown("Sixty days.", "Returns", "https://shop.com/us/returns policy", "jsonl", "help.jsonl", null);
        assertEquals(null, eu.url(), "an address with a space is no link");
        assertNotEquals(eu.key(), us.key(), "two articles of one title with different addresses stay two");
    }

    @Test
    void frontMatterNamesTheArticleAndIsNotItsText() {
        Article article = ArticleText.markdown("---\ntitle: \"Refund policy\"\ntags: [refunds, money]\nurl: https://help.shop.io/refunds\n---\n\n"
                + "Refunds take 5 days to reach your card.\n\n## Store credit\n\nYou may choose store credit instead.\n",
                "refund-policy", null, "markdown", "refund-policy.md", null);
        assertEquals("Refund policy", article.title());
        assertEquals("https://help.shop.io/refunds", article.url());
        assertEquals(Arrays.asList(null, "Store credit"), article.sections().stream().map(Article.Section::heading).toList());
        assertEquals("Refunds take 5 days to reach your card.", article.sections().get(0).paragraphs().get(0));
        // A rule of dashes later in the file is no front matter.
        Article ruled = ArticleText.markdown("# Packing\n\nWe pack by hand.\n\n---\n\nTitle: boxes\n---\n", "packing", null,
                "markdown", "packing.md", null);
        assertEquals("Packing", ruled.title());
    }

    @Test
    void frontMatterLeftOpenIsFoundWhereItsFieldsEndAndARuleBeforeTextIsNot() {
        assertEquals(4, FrontMatter.unclosed("---\r\ntitle: Wrap\r\ntags:\r\n  - gifts\r\n\r\nWrapping costs 3 EUR.\r\n"));
        assertEquals(3, FrontMatter.unclosed("\uFEFF---\n\ntitle: Wrap\nWrapping costs 3 EUR."));
        assertEquals(0, FrontMatter.unclosed("---\ntitle: Wrap\n---\nText."), "closed");
        assertEquals(0, FrontMatter.unclosed("---\n\nWe pack by hand: always.\n"), "a rule, then text");
        assertEquals(0, FrontMatter.unclosed("# Packing\n\n---\ntitle: boxes\n"), "a rule later in the file");
    }

    @Test
    void aHelpCentrePageKeepsItsArticleAndLeavesOutTheMenusAroundIt() {
        String page = "<!doctype html><html><head><title>Returns &amp; exchanges</title><style>.a{color:red}</style></head><body>"
                + "<header><ul class=menu><li><a href=/>Home</a></li><li><a href=/contact>Contact us</a></li></ul></header>"
                + "<div role=navigation><ul><li>Side menu item</li></ul></div>"
                + "<main><article><header><h1>Returns &amp; exchanges</h1></header><p>You can return an item within&nbsp;30&nbsp;days."
                + " Caf&eacute; vouchers can&rsquo;t be returned.</p><aside><p>Tip: keep the receipt.</p></aside>"
                + "<h2>How to return</h2><ol><li>Print the label.</li><li>Drop the parcel at a post office.</li></ol></article></main>"
                + "<aside><h3>Related articles</h3><ul><li><a>Refunds</a></li></ul></aside>"
                + "<footer><p>&copy; 2024 ShopCo &middot; Privacy</p><div>Was this article helpful?</div></footer></body></html>";
        Article article = ArticleText.html(page, "returns", null, "html", "returns.html", null);
        assertEquals("Returns & exchanges", article.title());
        String text = String.join("\n", article.sections().stream().flatMap(s -> s.paragraphs().stream()).toList());
        assertEquals("You can return an item within 30 days. Café vouchers can’t be returned.\nTip: keep the receipt.\n"
                + "Print the label.\nDrop the parcel at a post office.", text);
    }

    @Test
    void aTableRowReadsAsOneLineWithItsCellsApart() {
        Article article = ArticleText.html("<html><body><h1>Return windows</h1><table><tr><th>Item</th><th>Days</th></tr>"
                + "<tr><td><p>Shoes</p></td><td>30</td></tr><tr><td>Electronics</td><td></td></tr></table></body></html>",
                "windows", null, "html", "windows.html", null);
        assertEquals(Arrays.asList("Item | Days", "Shoes | 30", "Electronics"), article.sections().get(0).paragraphs());
    }

    @Test
    void aMarkdownPipeTableReadsRowByRowAsAnHtmlTableDoes() {
        Article article = ArticleText.markdown("# Delivery\n\nHow long it takes:\n\n| Service | Days |\n|---|:--:|\n| **Standard** | 3-5 |\n"
                + "| Express | 1 |\n| Pickup | |\n\nOrders ship daily.", "delivery", null, "markdown", "delivery.md", null);
        assertEquals(Arrays.asList("How long it takes:", "Service | Days", "Standard | 3-5", "Express | 1", "Pickup", "Orders ship daily."),
                article.sections().get(0).paragraphs());
    }
}
