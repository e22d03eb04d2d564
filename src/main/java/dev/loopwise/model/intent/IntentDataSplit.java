package dev.loopwise.model.intent;

import dev.loopwise.model.StratifiedSplit;
import dev.loopwise.ticket.CliFiles;
import dev.loopwise.ticket.TicketRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Labelled files split the way {@code eval-intents} reads them: rows of the training file train, its
 * {@code val}/{@code valid}/{@code validation}/{@code dev} rows validate, and the test file's {@code test} rows (all its
 * rows if it has none) are scored; one file serves as both when its {@code split} column says which row is which.
 * With {@code shots}, at most that many training rows per label are kept (seeded) and nothing validates: a few-shot
 * user has no large validation set either.
 */
public record IntentDataSplit(List<String> labels, List<TicketRow> train, List<TicketRow> validation, List<TicketRow> test) {
    private static final Set<String> VALIDATION = Set.of("val", "valid", "validation", "dev");

    public static IntentDataSplit read(Path trainFile, Path testFile, Integer shots, long seed) throws IOException {
        CliFiles.requireFile(trainFile);
        CliFiles.requireFile(testFile);
        boolean sameFile = Files.isSameFile(trainFile, testFile);
        List<TicketRow> trainRows = new ArrayList<>();
        List<TicketRow> validationRows = new ArrayList<>();
        List<TicketRow> testRows = new ArrayList<>();
        for (TicketRow row : CliFiles.tickets(trainFile)) {
            String split = row.split() == null ? "" : row.split().toLowerCase(Locale.ROOT);
            if (VALIDATION.contains(split)) {
                validationRows.add(row);
            } else if (split.equals("test") && sameFile) {
                testRows.add(row);
            } else if (!sameFile || split.equals("train") || split.isEmpty()) {
                trainRows.add(row);
            }
        }
        if (!sameFile) {
            List<TicketRow> all = CliFiles.tickets(testFile);
            boolean hasTestSplit = all.stream().anyMatch(r -> "test".equalsIgnoreCase(r.split()));
            all.stream().filter(r -> !hasTestSplit || "test".equalsIgnoreCase(r.split())).forEach(testRows::add);
        }
        requireLabelled(trainRows, trainFile);
        requireLabelled(testRows, testFile);
        if (testRows.isEmpty()) {
            throw new IllegalArgumentException("No test rows: give --test another file, or a 'split' column with 'test' rows.");
        }
        List<String> labels = new ArrayList<>(new TreeSet<>(trainRows.stream().map(TicketRow::label).toList()));
        if (shots != null) {
            int[] y = trainRows.stream().mapToInt(r -> labels.indexOf(r.label())).toArray();
            List<TicketRow> kept = new ArrayList<>();
            for (int i : StratifiedSplit.atMostPerClass(y, labels.size(), shots, seed)) {
                kept.add(trainRows.get(i));
            }
            trainRows = kept;
            validationRows.clear();
        }
        validationRows.removeIf(r -> !labels.contains(r.label()));
        return new IntentDataSplit(List.copyOf(labels), trainRows, validationRows, testRows);
    }

    /** Training rows of the in-scope label with the fewest. */
    public int fewestPerLabel(String outOfScopeLabel) {
        return perLabel(outOfScopeLabel).stream().mapToInt(Integer::intValue).min().orElse(0);
    }

    /** Training rows of each in-scope label. */
    public java.util.List<Integer> perLabel(String outOfScopeLabel) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        train.forEach(r -> counts.merge(r.label(), 1, Integer::sum));
        return labels.stream().filter(l -> !l.equals(outOfScopeLabel)).map(l -> counts.getOrDefault(l, 0)).toList();
    }

    private static void requireLabelled(List<TicketRow> rows, Path file) {
        rows.stream().filter(r -> r.label() == null).findFirst().ifPresent(r -> {
            throw new IllegalArgumentException(file + " line " + r.line() + ": every row needs a label");
        });
    }
}
