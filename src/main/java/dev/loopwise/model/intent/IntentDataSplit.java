package dev.loopwise.model.intent;

import dev.loopwise.common.EvalMessages;
import dev.loopwise.model.StratifiedSplit;
import dev.loopwise.ticket.CliFiles;
import dev.loopwise.ticket.HeldOutRows;
import dev.loopwise.ticket.ImportLabels;
import dev.loopwise.ticket.TicketRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Labelled files split the way {@code eval-intents} reads them: rows of the training file train, its
 * {@code val}/{@code valid}/{@code validation}/{@code dev} rows validate, and the test file's {@code test} rows (all its
 * rows if it has none) are scored; one file serves as both when its {@code split} column says which row is which.
 * With {@code shots}, at most that many training rows per label are kept (seeded) and nothing validates: a few-shot
 * user has no large validation set either. Labels are read as the ticket import reads them: spellings of one label that
 * differ only in case are that label, ones that differ in spaces, underscores or hyphens are refused. Validation and test
 * rows whose text a training row also has are left out ({@link HeldOutRows}); {@code droppedValidation} and
 * {@code droppedTest} count them.
 */
public record IntentDataSplit(List<String> labels, List<TicketRow> train, List<TicketRow> validation, List<TicketRow> test,
                              int droppedValidation, int droppedTest) {
    private static final Set<String> VALIDATION = Set.of("val", "valid", "validation", "dev");
    private static final Set<String> TRAIN = Set.of("train", "training", "");

    public static IntentDataSplit read(Path trainFile, Path testFile, Integer shots, long seed) throws IOException {
        if (shots != null && shots < 1) {
            throw new IllegalArgumentException("--shots keeps that many training rows per label: give 1 or more, or leave it out"
                    + " to train on every row.");
        }
        CliFiles.requireFile(trainFile);
        CliFiles.requireFile(testFile);
        boolean sameFile = Files.isSameFile(trainFile, testFile);
        List<TicketRow> trainRows = new ArrayList<>();
        List<TicketRow> validationRows = new ArrayList<>();
        List<TicketRow> testRows = new ArrayList<>();
        List<TicketRow> trainFileRows = checked(trainFile);
        for (TicketRow row : trainFileRows) {
            String split = row.split() == null ? "" : row.split().toLowerCase(Locale.ROOT);
            if (VALIDATION.contains(split)) {
                validationRows.add(row);
            } else if (split.equals("test") && sameFile) {
                testRows.add(row);
            } else {
                trainRows.add(row);
            }
        }
        if (!sameFile) {
            List<TicketRow> all = checked(testFile);
            boolean hasTestSplit = all.stream().anyMatch(r -> "test".equalsIgnoreCase(r.split()));
            all.stream().filter(r -> !hasTestSplit || "test".equalsIgnoreCase(r.split())).forEach(testRows::add);
        }
        requireLabelled(trainRows, trainFile);
        requireLabelled(validationRows, trainFile);
        requireLabelled(testRows, testFile);
        if (trainRows.isEmpty()) {
            throw new IllegalArgumentException(trainFile + " has no training rows" + (trainFileRows.isEmpty() ? " (no rows at all)"
                    : ": give its rows the split 'train', or none"));
        }
        if (testRows.isEmpty()) {
            throw new IllegalArgumentException("No test rows: give --test another file, or a 'split' column with 'test' rows.");
        }
        Map<String, String> spelling = new HashMap<>();
        trainRows.forEach(r -> spelling.putIfAbsent(r.label().toLowerCase(Locale.ROOT), r.label()));
        trainRows = sameLabels(trainRows, spelling, trainFile);
        validationRows = sameLabels(validationRows, spelling, trainFile);
        testRows = sameLabels(testRows, spelling, testFile);
        oneLabelPerText(trainRows, trainFile);
        List<String> labels = new ArrayList<>(new TreeSet<>(trainRows.stream().map(TicketRow::label).toList()));
        if (labels.size() < 2) {
            throw new IllegalArgumentException(trainFile + ": every training row has the label '" + labels.get(0) + "'; a classifier"
                    + " needs rows of at least two intents to tell apart");
        }
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
        // Against the rows actually trained on (after --shots): a row left out of training is as new to the model as any.
        HeldOutRows.Unseen validation = HeldOutRows.unseen(validationRows, trainRows);
        HeldOutRows.Unseen test = HeldOutRows.unseen(testRows, trainRows);
        if (test.rows().isEmpty()) {
            throw new IllegalArgumentException(EvalMessages.allTestRowsSeenInTraining(testFile, testRows.size()));
        }
        return new IntentDataSplit(List.copyOf(labels), trainRows, validation.rows(), test.rows(), validation.dropped(), test.dropped());
    }

    /** Training rows of the in-scope label with the fewest. */
    public int fewestPerLabel(String outOfScopeLabel) {
        return perLabel(outOfScopeLabel).stream().mapToInt(Integer::intValue).min().orElse(0);
    }

    /** Training rows of each in-scope label. */
    public List<Integer> perLabel(String outOfScopeLabel) {
        Map<String, Integer> counts = new HashMap<>();
        train.forEach(r -> counts.merge(r.label(), 1, Integer::sum));
        return labels.stream().filter(l -> !l.equals(outOfScopeLabel)).map(l -> counts.getOrDefault(l, 0)).toList();
    }

    /** Test labels no training row has: those rows can only be answered wrong (or handed over), which a run should say. */
    public Map<String, Integer> unseenTestLabels() {
        Map<String, Integer> unseen = new TreeMap<>();
        test.stream().filter(r -> !labels.contains(r.label())).forEach(r -> unseen.merge(r.label(), 1, Integer::sum));
        return unseen;
    }

    /** A file's rows, with splits the command knows and labels spelt one way (as the import requires). */
    private static List<TicketRow> checked(Path file) throws IOException {
        List<TicketRow> rows = CliFiles.tickets(file);
        List<String> problems = new ArrayList<>(ImportLabels.problems(rows));
        for (TicketRow row : rows) {
            String split = row.split() == null ? "" : row.split().toLowerCase(Locale.ROOT);
            if (!TRAIN.contains(split) && !VALIDATION.contains(split) && !split.equals("test")) {
                problems.add(row.line() + ": split must be train, test, or val, validation or dev (kept aside to choose"
                        + " the threshold), not '" + row.split() + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(file + ": " + CliFiles.problems(problems));
        }
        return rows;
    }

    /**
     * Each label as the training rows first spell it, ignoring case ("Refund" beside "refund" is one intent, as in the
     * import); a test label that differs from a training label only in spaces, underscores or hyphens is refused.
     */
    private static List<TicketRow> sameLabels(List<TicketRow> rows, Map<String, String> spelling, Path file) {
        Map<String, String> byFold = new HashMap<>();
        spelling.values().forEach(label -> byFold.putIfAbsent(ImportLabels.folded(label), label));
        List<TicketRow> same = new ArrayList<>();
        for (TicketRow row : rows) {
            String label = spelling.get(row.label().toLowerCase(Locale.ROOT));
            String lookalike = byFold.get(ImportLabels.folded(row.label()));
            if (label == null && lookalike != null) {
                throw new IllegalArgumentException(file + " " + row.line() + ": the label '" + row.label() + "' looks like the"
                        + " training label '" + lookalike + "': use one name for both");
            }
            same.add(label == null || label.equals(row.label()) ? row
                    : new TicketRow(row.line(), row.text(), label, row.response(), row.split(), row.metadata()));
        }
        return same;
    }

    /**
     * A text trained under two intents teaches the classifier that it is both, and one of its rows is wrong whichever it
     * answers: refused naming both lines, as the ticket import refuses it (compared ignoring case and spacing, as held-out
     * rows are).
     */
    private static void oneLabelPerText(List<TicketRow> rows, Path file) {
        Map<String, TicketRow> first = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (TicketRow row : rows) {
            TicketRow earlier = first.putIfAbsent(HeldOutRows.key(row.text()), row);
            if (earlier != null && !earlier.label().equals(row.label())) {
                problems.add(row.line() + ": " + EvalMessages.textWithTwoLabels(earlier.line(), earlier.label(), row.label()));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(file + ": " + CliFiles.problems(problems));
        }
    }

    private static void requireLabelled(List<TicketRow> rows, Path file) {
        rows.stream().filter(r -> r.label() == null).findFirst().ifPresent(r -> {
            throw new IllegalArgumentException(file + " " + r.line() + ": every row needs a label");
        });
    }
}
