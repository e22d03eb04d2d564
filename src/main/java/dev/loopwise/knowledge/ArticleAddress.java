package dev.loopwise.knowledge;

import dev.loopwise.common.KnowledgeMessages;
import dev.loopwise.common.text.PlainText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An article's address as reviewers get it: a link beside the passages. Only an absolute http or https address with a
 * site is one; anything else ({@code javascript:}, {@code ftp://}, a bare host name, a text with spaces) would be a link
 * that runs a script, opens another program or leads nowhere.
 */
final class ArticleAddress {
    /**
     * Longest address taken: a help centre's links are far shorter, and an article without an id is told apart by its
     * address in a key of at most {@link Article#MAX_KEY} characters.
     */
    static final int MAX_CHARS = 900;

    private ArticleAddress() {
    }

    /** Whether {@code url} may be shown as a link: also false for one stored before addresses were checked. */
    static boolean isWebAddress(String url) {
        return url != null && problem(url) == null;
    }

    /** What is wrong with {@code url} as an article's address, in words that finish "the address ...", or null. */
    static String problem(String url) {
        int length = PlainText.length(url);
        if (length > MAX_CHARS) {
            return KnowledgeMessages.addressTooLong(length, MAX_CHARS);
        }
        if (!PlainText.isPlainLine(url) || url.codePoints().anyMatch(Character::isWhitespace)) {
            return KnowledgeMessages.ADDRESS_NOT_PLAIN;
        }
        URI address;
        try {
            address = new URI(url);
        } catch (URISyntaxException e) {
            return KnowledgeMessages.addressUnreadable(e.getReason(), e.getIndex());
        }
        String scheme = address.getScheme() == null ? "" : address.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return KnowledgeMessages.ADDRESS_NOT_WEB;
        }
        if (address.isOpaque() || address.getRawAuthority() == null || address.getRawAuthority().isEmpty()) {
            return KnowledgeMessages.addressWithoutSite(scheme);
        }
        return null;
    }
}
