package dev.loopwise.common.text;

import io.quarkus.qute.RawString;
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

    /**
     * {@link #when} for a table cell: a narrow column may put the time under the date, but never breaks the date at a
     * hyphen ("2026-12-" over "07") nor leaves "UTC" on a line of its own.
     */
    public static RawString stamp(OffsetDateTime time) {
        if (time == null) {
            return new RawString("—");
        }
        String[] parts = when(time).split(" ", 2);
        return new RawString("<span class=\"date\">" + parts[0] + "</span> " + parts[1].replace(" ", "&nbsp;"));
    }

    static String abbreviate(String text, int length) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= length ? flat : flat.substring(0, length - 1) + "…";
    }
}
