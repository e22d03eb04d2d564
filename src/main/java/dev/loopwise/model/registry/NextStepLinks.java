package dev.loopwise.model.registry;

import io.quarkus.qute.TemplateExtension;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * "What to do next" names the page to go to ("run a round on Rounds"): each such name becomes a link to that page, so the
 * lead need not look for it in the menu. Split into parts rather than written as HTML, so the text stays escaped.
 */
@TemplateExtension
public class NextStepLinks {
    /** A piece of the text; {@code href} is null for plain words. */
    public record Part(String text, String href) {
    }

    /** The menu's names and addresses; "Review" is the reviewers' own page, "Review quality" the admin's. */
    static final Map<String, String> PAGES = Map.ofEntries(
            Map.entry("Import", "/admin/import"), Map.entry("Tickets", "/admin/tickets"),
            Map.entry("Intents", "/admin/intents"), Map.entry("Replies", "/admin/replies"),
            Map.entry("Knowledge", "/admin/knowledge"), Map.entry("Models", "/admin/models"),
            Map.entry("Review quality", "/admin/review"), Map.entry("Review", "/review"),
            Map.entry("Rounds", "/admin/rounds"), Map.entry("Drift", "/admin/drift"),
            Map.entry("Try a ticket", "/admin/models/try"));

    // Only after "on": "Import labelled tickets on Import" names the page once, the verb is no page. Longer names are
    // tried first, so "Review quality" is not read as "Review".
    private static final Pattern NAMED = Pattern.compile("\\bon (" + PAGES.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote).collect(Collectors.joining("|")) + ")\\b");

    static List<Part> pageLinks(String text) {
        List<Part> parts = new ArrayList<>();
        if (text == null) {
            return parts;
        }
        Matcher m = NAMED.matcher(text);
        int from = 0;
        while (m.find()) {
            parts.add(new Part(text.substring(from, m.start(1)), null));
            parts.add(new Part(m.group(1), PAGES.get(m.group(1))));
            from = m.end(1);
        }
        parts.add(new Part(text.substring(from), null));
        return parts;
    }

    /**
     * As {@link #pageLinks(String)}, and {@code address} (a full address the page gave, as the reviewers' page's) is a link to
     * itself wherever it is named. Only that address: any other "http://…" in the text may come from an intent's name.
     */
    static List<Part> pageLinks(String text, String address) {
        if (text == null || address == null || address.isEmpty()) {
            return pageLinks(text);
        }
        List<Part> parts = new ArrayList<>();
        int from = 0;
        for (int at = text.indexOf(address); at >= 0; at = text.indexOf(address, from)) {
            parts.addAll(pageLinks(text.substring(from, at)));
            parts.add(new Part(address, address));
            from = at + address.length();
        }
        parts.addAll(pageLinks(text.substring(from)));
        return parts;
    }
}
