package dev.loopwise.alignment.preference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loopwise.common.EvalMessages;
import dev.loopwise.common.file.Place;
import dev.loopwise.common.json.JsonRows;
import dev.loopwise.ticket.CliFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A preference file an ML engineer evaluates on: JSON lines, one JSON array of rows, or a CSV or TSV table of the same
 * columns ({@link PreferenceCsv}), in any shape {@link PreferenceRows} reads. Public sets carry the odd unusable row (an empty reply, two identical replies): those
 * are left out and counted, with the first few named, instead of failing a run over one line.
 */
public final class PreferenceFile {
    private static final int NAMED = 5;

    private PreferenceFile() {
    }

    public record Read(List<PreferencePair> pairs, int skipped) {
    }

    public static Read read(Path file, PrintStream log) throws IOException {
        List<String> problems = new ArrayList<>();
        List<PreferenceRows.Row> rows = new ArrayList<>();
        List<PreferenceRows.Unpaired> unpaired = new ArrayList<>();
        String text = CliFiles.text(file);
        if (text.isBlank()) {
            // Blank lines alone reached the CSV reader as a header without names, which answered in its own words.
            throw new IllegalArgumentException(file + " holds no preference pairs: the file is empty");
        }
        // JSON lines, or one array of rows, each named by its place as the import names it.
        boolean table = PreferenceCsv.isTable(file.toString(), text);
        List<JsonRows.Row> read = table ? PreferenceCsv.rows(file.toString(), text, problems) : JsonRows.of(text, problems);
        if (!table && JsonRows.isArray(text) && !problems.isEmpty()) {
            throw new IllegalArgumentException(file + " starts as a JSON array but is not valid JSON (" + problems.get(0) + ")");
        }
        for (JsonRows.Row row : read) {
            JsonNode node = PreferenceRows.withoutNulls(row.node());
            if (node.has("margin") && !node.get("margin").isNumber()) {
                // Read as no margin, the pair would be evaluated as if the file had said nothing of how much it is preferred.
                problems.add(row.place() + ": " + EvalMessages.MARGIN_NOT_A_NUMBER);
                continue;
            }
            collect(PreferenceRows.read(node, row.place(), problems), rows, unpaired);
        }
        // Counted with the rows left out: a file of some unmatched rows still evaluates on the rest.
        problems.addAll(UnpairedRows.unmatched(unpaired));
        rows.addAll(UnpairedRows.paired(unpaired));
        // One shape not read, or one wrong value repeated through a file, is said once with its lines.
        List<String> named = Place.grouped(problems);
        if (rows.isEmpty()) {
            // A header line alone said only "holds no preference pairs", nothing of what the file lacks.
            boolean noRows = read.isEmpty() && named.isEmpty();
            // A header of other columns is the first thing to correct: writing pairs under it would not be read either.
            List<String> header = noRows && table ? PreferenceCsv.header(file.toString(), text) : List.of();
            boolean unread = !header.isEmpty() && header.stream().allMatch(name -> PreferenceRows.readName(name) == null);
            throw new IllegalArgumentException(file + " holds no preference pairs"
                    + (noRows ? ": " + (unread ? EvalMessages.noPairColumns(header) : EvalMessages.noPreferenceRows(table)) : "")
                    + (!unpaired.isEmpty() ? ": its " + unpaired.size() + " rows with 'completion' and 'label' pair a good and a bad"
                    + " completion of the same prompt, and no prompt has both" : "")
                    + (named.isEmpty() ? "" : ": " + String.join("; ", named.subList(0, Math.min(NAMED, named.size())))));
        }
        List<PreferencePair> pairs = new ArrayList<>();
        for (PreferenceRows.Row row : rows) {
            pairs.add(new PreferencePair(row.prompt(), row.chosen(), row.rejected(), PreferencePair.Kind.PREFERENCE,
                    row.margin() == null ? 0 : Math.max(0, row.margin()), 1, row.prompt(), row.line().number()));
        }
        int skipped = problems.size();
        if (skipped > 0) {
            log.println(EvalMessages.preferenceRowsLeftOut(file, skipped, named.subList(0, Math.min(NAMED, named.size())),
                    named.size() > NAMED));
        }
        return new Read(pairs, skipped);
    }

    private static void collect(Object row, List<PreferenceRows.Row> rows, List<PreferenceRows.Unpaired> unpaired) {
        if (row instanceof PreferenceRows.Row pair) {
            rows.add(pair);
        } else if (row instanceof PreferenceRows.Unpaired single) {
            unpaired.add(single);
        }
    }
}
