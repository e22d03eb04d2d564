package dev.loopwise.knowledge;

import java.util.List;
import java.util.Locale;

/**
 * An article as read from an imported file, before it is split into passages: its text in sections (a heading and
 * the paragraphs under it). {@code key} decides what a re-import replaces: the article's id, else its url, else its title.
 * {@code addressLeftOut}: the file gave an address that is no link a browser opens, so {@code url} is null and the
 * import says so.
 */
record Article(String key, String title, String url, String format, String sourceName, List<Section> sections,
               boolean addressLeftOut) {
    static final int MAX_TITLE = 500;
    static final int MAX_KEY = 1000;

    record Section(String heading, List<String> paragraphs) {
    }

    static String key(String id, String url, String title) {
        if (id != null && !id.isBlank()) {
            return "id:" + id.trim();
        }
        if (url != null && !url.isBlank()) {
            return "url:" + url.trim();
        }
        return "title:" + title.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    int chars() {
        return sections.stream().mapToInt(s -> s.paragraphs().stream().mapToInt(String::length).sum()).sum();
    }
}
