package dev.loopwise.model.intent;

import dev.loopwise.common.file.AtomicFiles;
import dev.loopwise.ticket.TicketRow;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code eval-intents --scores}: one CSV row per held-out row with what an out-of-scope rule reads — the gold
 * label, the best in-scope intent, its probability, the runner-up's and the out-of-scope class's — so rules can be
 * compared on the validation rows and checked on the test rows without training again. A run that fails while writing
 * leaves an earlier file as it was rather than a shorter one that reads as complete.
 */
final class IntentScoresFile {
    private IntentScoresFile() {
    }

    static void write(Path file, IntentHead head, float[][] validation, List<TicketRow> validationRows, float[][] test,
                      List<TicketRow> testRows) throws IOException {
        AtomicFiles.writeText(file, out -> {
            out.write("split,gold,best,p_best,p_second,p_oos_class\n");
            rows(out, "validation", head, validation, validationRows);
            rows(out, "test", head, test, testRows);
        });
    }

    private static void rows(Writer out, String split, IntentHead head, float[][] vectors, List<TicketRow> rows) throws IOException {
        int oos = head.outOfScopeIndex();
        for (int i = 0; i < vectors.length; i++) {
            double[] p = head.probabilities(vectors[i]);
            int best = -1;
            int second = -1;
            for (int c = 0; c < p.length; c++) {
                if (c == oos) {
                    continue;
                }
                if (best < 0 || p[c] > p[best]) {
                    second = best;
                    best = c;
                } else if (second < 0 || p[c] > p[second]) {
                    second = c;
                }
            }
            out.write(split + "," + cell(rows.get(i).label()) + "," + cell(head.labels().get(best)) + "," + p[best] + ","
                    + (second < 0 ? 0 : p[second]) + "," + (oos < 0 ? 0 : p[oos]) + "\n");
        }
    }

    /**
     * A label as one CSV cell. Labels come from the evaluated file as they were written there: one with a comma or quote
     * would shift the columns after it, and one that starts like a formula ({@code =HYPERLINK(...)}, {@code +1}, {@code -1},
     * {@code @SUM}) would run as one when the scores are opened in a spreadsheet, so it is read as text there ({@code '}
     * first, as spreadsheets themselves mark a text cell).
     */
    static String cell(String label) {
        if (label == null) {
            return "";
        }
        String text = !label.isEmpty() && "=+-@\t\r".indexOf(label.charAt(0)) >= 0 ? "'" + label : label;
        return text.matches("(?s).*[,\"\r\n].*") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
