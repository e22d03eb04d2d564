package dev.loopwise.privacy;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IP addresses on the internet ("81.2.69.160", "2001:db8::8a2e:370:7334"): a customer's address points at their
 * connection. Addresses that lead nowhere outside a home or office network — private ranges (10.x, 172.16–31.x,
 * 192.168.x), loopback, link-local, the netmask and multicast ranges — stay: a reviewer needs "the router at
 * 192.168.1.1" to judge a reply. So does a dotted number named as a version ("firmware 1.2.3.4", "firmware is 3.10.2.1").
 */
final class IpAddresses {
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern V4 = Pattern.compile(
            "(?<![\\p{L}\\p{N}.])" + OCTET + "\\." + OCTET + "\\." + OCTET + "\\." + OCTET + "(?!\\p{N}|\\.\\p{N})");
    /** Hex groups and colons, at least two of them; whether it is an address is checked group by group. */
    private static final Pattern V6 = Pattern.compile("(?<![\\p{L}\\p{N}:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\\p{L}\\p{N}:])");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    /**
     * A version word may be a comma or a couple of words that only say which version away ("firmware is 3.10.2.1", "the
     * latest version, 4.2.1.3"); any other word between names something else ("firmware server is 81.2.69.160", "version
     * check from 81.2.69.160"). The other naming words come right before the number.
     */
    private static final Pattern NAMED_VERSION = Pattern.compile("(?:" + WordBounds.START
            + "(?:v|ver|version|versions|firmware|fw|build|release|"
            + "patch)" + WordBounds.END + "\\.?(?:[\\s:#,=]+(?:is|was|now|still|currently|the|latest|newest|current|installed|running)"
            + WordBounds.END + "){0,2}[\\s:#,=]*|" + WordBounds.START + "(?:ios|ipados|android|macos|os|app|update[ds]?|"
            + "upgrade[ds]?|updating|upgrading|section|chapter|clause|article|paragraph|step|point|figure|table|appendix)"
            + WordBounds.END + "\\.?[\\s:#]*(?:to\\s+)?|\u00A7\\s*)$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private IpAddresses() {
    }

    static String mask(String text, String placeholder) {
        String out = replace(text, V4, placeholder, IpAddresses::publicV4);
        return out.indexOf(':') < 0 ? out : replace(out, V6, placeholder, IpAddresses::publicV6);
    }

    private interface Check {
        boolean accepts(String text, Matcher match);
    }

    private static String replace(String text, Pattern pattern, String placeholder, Check check) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            if (check.accepts(text, m)) {
                out.append(text, last, m.start()).append(placeholder);
                last = m.end();
            }
        }
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }

    private static boolean publicV4(String text, Matcher m) {
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        boolean local = a == 0 || a == 10 || a == 127 || a >= 224 || (a == 169 && b == 254) || (a == 172 && b >= 16 && b <= 31)
                || (a == 192 && b == 168) || (a == 100 && b >= 64 && b <= 127);
        return !local && !NAMED_VERSION.matcher(text.substring(Math.max(0, m.start() - 30), m.start())).find();
    }

    /**
     * Eight groups, or fewer with one "::" standing for the rest, in the internet's range (2000::/3, written with its
     * four digits: "2001:db8::1"); loopback, link-local and private addresses, and "3:2:1:4:5:6:7:8", stay.
     */
    private static boolean publicV6(String text, Matcher m) {
        String address = m.group().toLowerCase(Locale.ROOT);
        int gap = address.indexOf("::");
        if (gap != address.lastIndexOf("::") || address.contains(":::")) {
            return false;
        }
        String[] groups = (gap < 0 ? address : address.replace("::", ":x:")).split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            boolean edge = (i == 0 || i == groups.length - 1) && gap >= 0 && groups[i].isEmpty();
            if (groups[i].equals("x") || edge) {
                continue;
            }
            if (!HEX_GROUP.matcher(groups[i]).matches()) {
                return false;
            }
            count++;
        }
        if (gap < 0 ? count != 8 : count > 7) {
            return false;
        }
        return groups[0].length() == 4 && (Integer.parseInt(groups[0], 16) & 0xe000) == 0x2000;
    }
}
