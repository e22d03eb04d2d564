package dev.loopwise.alignment.preference;

import dev.loopwise.alignment.preference.PreferenceRows.Row;
import dev.loopwise.alignment.preference.PreferenceRows.Unpaired;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** KTO's unpaired rows (one completion, good or bad) made into the pairs a round learns from. */
final class UnpairedRows {
    private UnpairedRows() {
    }

    /**
     * Good and bad completions of the same prompt as pairs: the i-th good one with the i-th bad one, the shorter list
     * repeated. A good and a bad completion that are the same reply (case and spacing aside) make no pair — a round would
     * set that reply against itself — but the file is not wrong: one served reply can get a thumb up from one customer
     * and down from another, and a team's own KTO export must import back.
     */
    static List<Row> paired(List<Unpaired> rows) {
        Map<String, List<Unpaired>> good = new LinkedHashMap<>();
        Map<String, List<Unpaired>> bad = new LinkedHashMap<>();
        for (Unpaired row : rows) {
            (row.desirable() ? good : bad).computeIfAbsent(row.prompt(), p -> new ArrayList<>()).add(row);
        }
        List<Row> pairs = new ArrayList<>();
        good.forEach((prompt, chosen) -> {
            List<Unpaired> rejected = bad.getOrDefault(prompt, List.of());
            for (int i = 0; !rejected.isEmpty() && i < Math.max(chosen.size(), rejected.size()); i++) {
                Unpaired c = chosen.get(i % chosen.size());
                Unpaired r = rejected.get(i % rejected.size());
                if (!PreferencePair.sameWords(c.completion(), r.completion())) {
                    pairs.add(new Row(prompt, c.completion(), r.completion(), null, c.line()));
                }
            }
        });
        return pairs;
    }

    /** Rows of good (or bad) completions whose prompt has no bad (or good) one: nothing to pair them with. */
    static List<String> unmatched(List<Unpaired> rows) {
        Map<String, Set<Boolean>> kinds = new HashMap<>();
        rows.forEach(r -> kinds.computeIfAbsent(r.prompt(), p -> new HashSet<>()).add(r.desirable()));
        return rows.stream().filter(r -> kinds.get(r.prompt()).size() < 2)
                .map(r -> r.line() + ": a " + (r.desirable() ? "good" : "bad") + " completion whose prompt has no "
                        + (r.desirable() ? "bad" : "good") + " one to pair it with (rows with 'completion' and 'label' are paired by prompt:"
                        + " add a " + (r.desirable() ? "bad" : "good") + " completion of the same prompt, or leave the row out)")
                .toList();
    }
}
