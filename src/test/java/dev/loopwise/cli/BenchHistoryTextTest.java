package dev.loopwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What bench-history prints besides its table: the scale as given, and a line as each operation is timed. */
class BenchHistoryTextTest {
    @Test
    void theScaleIsPrintedAsGivenNotRoundedToNothing() {
        assertEquals("0.001", BenchHistoryCommand.scaleText(0.001));
        assertEquals("1", BenchHistoryCommand.scaleText(1));
        assertEquals("2.5", BenchHistoryCommand.scaleText(2.5));
    }

    @Test
    void eachTimedOperationIsSaidOnStderrAsItEnds() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream before = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        Map<String, double[]> results = new LinkedHashMap<>();
        try {
            BenchHistoryCommand.timed(results, "grown", "GET /admin/review", new double[] {1, 2});
        } finally {
            System.setErr(before);
        }
        assertEquals("timed GET /admin/review (grown)", err.toString(StandardCharsets.UTF_8).strip());
        assertEquals(2, results.get("GET /admin/review")[1]);
    }
}
