package dev.loopwise.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which addresses are web addresses, and the link written for one that a browser opens but Java's URI would refuse. */
class ArticleAddressTest {
    @Test
    void anAddressBrowsersOpenIsTakenAndEncodedOnlyInItsLink() {
        for (String url : new String[] {"https://shop.com/50%off", "https://shop.com/a|b?x={1}&y=^\"q\"\\", "https://shop.com/a#b#c",
                "HTTPS://Help.Shop.com:8443/a", "https://bücher.de/x", "https://user@help.shop.io/", "http://[2001:db8::1]:80/a"}) {
            assertNull(ArticleAddress.problem(url), url);
        }
        assertEquals("https://shop.com/50%25off", ArticleAddress.href("https://shop.com/50%off"), "a bare % is a character, not an escape");
        assertEquals("https://shop.com/a%20b%2Fc", ArticleAddress.href("https://shop.com/a%20b%2Fc"), "an escape is kept as written");
        assertEquals("https://shop.com/a%7Cb?x=%7B1%7D&y=%5E%22q%22%5C", ArticleAddress.href("https://shop.com/a|b?x={1}&y=^\"q\"\\"));
        assertEquals("https://shop.com/a#b%23c", ArticleAddress.href("https://shop.com/a#b#c"), "a second # belongs to the fragment");
        assertEquals("https://bücher.de/b%C3%BCcher", ArticleAddress.href("https://bücher.de/bücher"), "the site as written, the path encoded");
        assertEquals("HTTPS://Help.Shop.com:8443/a", ArticleAddress.href("HTTPS://Help.Shop.com:8443/a"));
        assertEquals("bücher.de", ArticleAddress.host("https://user@BÜCHER.de:8080/x"));
    }

    @Test
    void anAddressWithoutASiteOrWithAPortThatIsNoNumberIsRefusedInPlainWords() {
        assertEquals("names no site after https://", ArticleAddress.problem("https://@/"));
        assertEquals("names no site after https://", ArticleAddress.problem("https://:80/"));
        assertEquals("names no site after http://", ArticleAddress.problem("http:///a"));
        String port = "gives the port '%s' after the site's name: a port is a number from 1 to 65535, or left out with its colon";
        assertEquals(port.formatted("abc"), ArticleAddress.problem("http://evil.com:abc/"));
        assertEquals(port.formatted("0"), ArticleAddress.problem("http://evil.com:0/"));
        assertEquals(port.formatted("65536"), ArticleAddress.problem("http://evil.com:65536"));
        assertNull(ArticleAddress.problem("http://a.com:/x"), "an empty port is no port, as browsers read it");
        assertEquals("a.com", ArticleAddress.host("http://a.com:/x"));
        // Browsers read a backslash as / in a web address: the site checked is the one the link opens.
        assertEquals("evil.com", ArticleAddress.host("https://evil.com\\@shop.com/"));
        assertEquals("https://evil.com%5C@shop.com/", ArticleAddress.href("https://evil.com\\@shop.com/"));
        assertNull(ArticleAddress.problem("http://evil.com:65535/"));
        assertTrue(ArticleAddress.problem("https://ev<il>.com/").startsWith("names the site 'ev<il>.com', which holds a character"));
        assertEquals("does not start with http:// or https://", ArticleAddress.problem("javascript://shop.com/%0Aalert(1)"));
        assertEquals("does not start with http:// or https://", ArticleAddress.problem("https:shop.com/a"));
        assertTrue(ArticleAddress.problem("https://shop.com/a b").startsWith("holds a space"));
    }
}
