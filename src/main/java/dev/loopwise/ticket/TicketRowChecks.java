package dev.loopwise.ticket;

import dev.loopwise.common.WorkspaceMessages;
import dev.loopwise.common.json.JsonStrictness;
import dev.loopwise.common.text.PlainText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** What is wrong in a ticket file's rows by themselves, before anything stored is looked at: each problem with its line. */
final class TicketRowChecks {
    static final int MAX_COLUMN_NAME = 100;

    private TicketRowChecks() {
    }

    /** @param servedLimit the longest ticket the answering API takes */
    static List<String> problems(List<TicketRow> rows, int servedLimit) {
        List<String> problems = new ArrayList<>();
        Map<String, TicketRow> earlier = new HashMap<>();
        Set<String> badColumns = new HashSet<>();
        for (TicketRow row : rows) {
            String where = row.line() + ": ";
            if (row.text() == null || !PlainText.showsSomething(row.text())) {
                problems.add(where + "the text is empty");
            } else if (PlainText.length(row.text()) > servedLimit) {
                problems.add(where + WorkspaceMessages.importedTicketTooLong(PlainText.length(row.text()), servedLimit));
            } else if (earlier.containsKey(row.text())) {
                // Exports repeat common requests ("Where is my order?"): a repeat with the same intent is counted as a
                // duplicate like one already stored; only a repeat that says another intent is a contradiction to fix.
                TicketRow first = earlier.get(row.text());
                if (first.label() == null ? row.label() != null : row.label() == null || !first.label().equalsIgnoreCase(row.label())) {
                    problems.add(where + "the same text is on " + first.line() + " with " + (first.label() == null ? "no label"
                            : "the label '" + first.label() + "'") + " and here with " + (row.label() == null ? "none"
                            : "'" + row.label() + "'") + ": one text has one intent");
                }
            } else {
                earlier.put(row.text(), row);
            }
            if (row.split() != null && TicketImporter.split(row.split()) == null) {
                problems.add(where + "split must be 'train' or 'test' (validation and dev count as test), not '" + row.split() + "'");
            }
            if (row.label() != null && !Intent.NAME.matcher(row.label()).matches()) {
                // Quoted with its control and direction marks as codes: the one that makes it invalid is then visible.
                problems.add(where + "the label '" + PlainText.quoted(row.label()) + "' is refused: "
                        + inList(IntentNameRules.whatIsWrong(row.label())));
            }
            if (row.split() != null && row.label() == null) {
                problems.add(where + "a split is given but no label");
            }
            if (!storable(row)) {
                problems.add(where + "a value contains a NUL character or half of a UTF-16 surrogate pair, which is not text");
            } else {
                // Both are shown to reviewers and may reach customers (a response can become a library reply).
                controlCharacter("text", row.text()).ifPresent(found -> problems.add(where + found));
                controlCharacter("response", row.response()).ifPresent(found -> problems.add(where + found));
                // Other columns are kept with the ticket and shown with it: held to the rule every text sent is.
                row.metadata().forEach((column, value) -> Optional.ofNullable(value == null ? null
                        : PlainText.firstDirectionControl(value)).ifPresent(found -> problems.add(where
                        + WorkspaceMessages.importedControlCharacter("column '" + PlainText.quoted(column) + "'", found))));
            }
            if (row.response() != null && PlainText.length(row.response()) > TicketImporter.MAX_TEXT_LENGTH) {
                problems.add(where + WorkspaceMessages.importedTooLong("response", PlainText.length(row.response()), TicketImporter.MAX_TEXT_LENGTH));
            }
            row.metadata().forEach((column, value) -> {
                String badName = columnNameProblem(column);
                if (badName != null && badColumns.add(column)) {
                    problems.add(where + badName);
                } else if (value != null && PlainText.length(value) > TicketImporter.MAX_TEXT_LENGTH) {
                    problems.add(where + "'" + column + "' has " + PlainText.length(value) + " characters (at most " + TicketImporter.MAX_TEXT_LENGTH + ")");
                }
            });
        }
        return problems;
    }

    /** What is wrong with a column's name (a CSV header's, a JSON row's key), or null. */
    static String columnNameProblem(String column) {
        if (PlainText.length(column) > MAX_COLUMN_NAME) {
            return WorkspaceMessages.importedColumnNameTooLong(PlainText.length(column), MAX_COLUMN_NAME);
        }
        String control = JsonStrictness.storable(column) ? PlainText.firstControlCharacter(column) : null;
        return control == null ? null : WorkspaceMessages.importedColumnNameControlCharacter(PlainText.quoted(column), control);
    }

    /** A sentence as one of the file's problems, which are joined by semicolons and end with one full stop. */
    private static String inList(String sentence) {
        String clause = sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
        return clause.length() > 1 && Character.isUpperCase(clause.charAt(0)) && Character.isLowerCase(clause.charAt(1))
                ? Character.toLowerCase(clause.charAt(0)) + clause.substring(1) : clause;
    }

    private static Optional<String> controlCharacter(String field, String value) {
        return Optional.ofNullable(value == null ? null : PlainText.firstControlCharacter(value))
                .map(found -> WorkspaceMessages.importedControlCharacter(field, found));
    }

    private static boolean storable(TicketRow row) {
        Stream<String> values = Stream.concat(
                Stream.of(row.text(), row.label(), row.response(), row.split()),
                row.metadata().entrySet().stream().flatMap(e -> Stream.of(e.getKey(), e.getValue())));
        return values.allMatch(v -> v == null || JsonStrictness.storable(v));
    }
}
