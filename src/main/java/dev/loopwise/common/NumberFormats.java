package dev.loopwise.common;

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

    static String decimal(Double value) {
        return value == null ? "—" : String.format("%.2f", value);
    }

    static String seconds(Double value) {
        return value == null ? "—" : String.format("%.1f s", value);
    }
}
