package dev.loopwise.knowledge;

import dev.loopwise.common.KnowledgeMessages;
import dev.loopwise.common.text.PlainText;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An article's address as reviewers get it: a link beside the passages. Only an absolute http or https address with a
 * site is one; anything else ({@code javascript:}, {@code ftp://}, a bare host name, a text with spaces) would be a link
 * that runs a script, opens another program or leads nowhere. Beyond that, an address is taken as browsers take it: a
 * {@code |}, a {@code {}}, a second {@code #} or a bare {@code %} (https://shop.com/50%off) is kept as written and
 * percent-encoded only in the link ({@link #href}), as a browser would send it.
 */
final class ArticleAddress {
    /**
     * Longest address taken: a help centre's links are far shorter, and an article without an id is told apart by its
     * address in a key of at most {@link Article#MAX_KEY} characters.
     */
    static final int MAX_CHARS = 900;
    private static final int MAX_PORT = 65_535;

    /**
     * Scheme, then the site (up to the first /, ? or #, or a backslash, which browsers read as / in a web address: the site
     * checked is the one the link opens, not the shop.com of evil.com\@shop.com), then the rest.
     */
    private static final Pattern WEB = Pattern.compile("(?i)(https?)://([^/?#\\\\]*)(.*)", Pattern.DOTALL);
    /** A site's name: letters of any script (bücher.de), digits, dots, hyphens, underscores; or an IPv6 address in brackets. */
    private static final Pattern HOST = Pattern.compile("[\\p{L}\\p{M}\\p{N}._~-]+|\\[[0-9A-Fa-f:.]+]");
    /** What a link may hold as written (RFC 3986's unreserved and reserved characters); anything else is percent-encoded. */
    private static final String KEPT = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=";

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
        Matcher web = WEB.matcher(url);
        if (!web.matches()) {
            return KnowledgeMessages.ADDRESS_NOT_WEB;
        }
        String scheme = web.group(1).toLowerCase(Locale.ROOT);
        String site = site(web);
        int portStart = portStart(site);
        String host = portStart < 0 ? site : site.substring(0, portStart);
        if (host.isEmpty()) {
            return KnowledgeMessages.addressWithoutSite(scheme);
        }
        if (!HOST.matcher(host).matches()) {
            return KnowledgeMessages.addressBadSite(host);
        }
        // An empty port (shop.com:/) is no port, as browsers read it.
        if (portStart >= 0 && portStart + 1 < site.length() && !isPort(site.substring(portStart + 1))) {
            return KnowledgeMessages.addressBadPort(site.substring(portStart + 1), MAX_PORT);
        }
        return null;
    }

    /** The site's name in lower case (without user name and port), or null for no web address. */
    static String host(String url) {
        if (url == null || problem(url) != null) {
            return null;
        }
        Matcher web = WEB.matcher(url);
        web.matches();
        String site = site(web);
        int portStart = portStart(site);
        return (portStart < 0 ? site : site.substring(0, portStart)).toLowerCase(Locale.ROOT);
    }

    /** What stands between :// and the path, without a user name before it, which is no part of the site. */
    private static String site(Matcher web) {
        String site = web.group(2);
        return site.substring(site.lastIndexOf('@') + 1);
    }

    private static int portStart(String site) {
        return site.startsWith("[") ? site.indexOf(':', Math.max(site.indexOf(']'), 0)) : site.indexOf(':');
    }

    private static boolean isPort(String port) {
        return !port.isEmpty() && port.length() <= 5 && port.chars().allMatch(c -> c >= '0' && c <= '9')
                && Integer.parseInt(port) >= 1 && Integer.parseInt(port) <= MAX_PORT;
    }

    /**
     * The link for a web address ({@link #isWebAddress}): the site as written (a browser turns bücher.de into its
     * punycode), the rest with each character a link may not hold percent-encoded, a % not starting an escape
     * included, and every # after the first, which starts the fragment.
     */
    static String href(String url) {
        Matcher web = WEB.matcher(url);
        if (!web.matches()) {
            throw new IllegalArgumentException("not a web address");
        }
        String rest = web.group(3);
        StringBuilder link = new StringBuilder(url.length() + 16).append(url, 0, web.start(3));
        boolean inFragment = false;
        for (int i = 0; i < rest.length(); ) {
            int c = rest.codePointAt(i);
            if (c == '%' && i + 2 < rest.length() && isHex(rest.charAt(i + 1)) && isHex(rest.charAt(i + 2))) {
                link.append('%');
            } else if (c == '#' && !inFragment) {
                inFragment = true;
                link.append('#');
            } else if (c < 128 && c != '#' && c != '%' && KEPT.indexOf(c) >= 0) {
                link.append((char) c);
            } else {
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    link.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
                }
            }
            i += Character.charCount(c);
        }
        return link.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
