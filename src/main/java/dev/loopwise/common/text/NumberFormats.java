package dev.loopwise.common.text;

import io.quarkus.qute.TemplateExtension;

/**
 * Numbers on pages, as {@code {fmt:percent(value)}}: a namespace function, so a missing value (null)
 * reads "—" instead of failing the page.
 */
@TemplateExtension(namespace = "fmt")
public class NumberFormats {

    static String percent(Double value) {
        return value == null ? "—" : String.format("%.0f%%", value * 100);
    }

    /** A count as the sentences group it: "1,234". */
    static String count(Number n) {
        return n == null ? "—" : Counts.number(n.longValue());
    }

    static String decimal(Double value) {
        return value == null ? "—" : String.format("%.2f", value);
    }

    /** The noun a figure labels, in its number ("1 user", "4 users"); an irregular plural is passed as "reply|replies". */
    static String noun(Number n, String forms) {
        String counted = Counts.of(n == null ? 0 : n.longValue(), forms);
        return counted.substring(counted.indexOf(' ') + 1);
    }

    static String seconds(Double value) {
        return value == null ? "—" : String.format("%.1f s", value);
    }
}
