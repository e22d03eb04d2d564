package dev.loopwise.common.text;

import io.quarkus.qute.TemplateExtension;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How values read on a page. */
@TemplateExtension
public class TemplateFormats {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    public static String when(OffsetDateTime time) {
        return time == null ? "—" : time.atZoneSameInstant(ZoneOffset.UTC).format(WHEN);
    }

    static String abbreviate(String text, int length) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= length ? flat : flat.substring(0, length - 1) + "…";
    }
}
