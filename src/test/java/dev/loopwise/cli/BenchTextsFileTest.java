package dev.loopwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The speed benchmarks' own texts: a file with a header and no rows is said, not measured as zero or divided by. */
class BenchTextsFileTest {

    @Test
    void aTextsFileWithOnlyAHeaderIsRefusedBeforeAnythingIsMeasured() throws Exception {
        Path file = Files.createTempFile("texts", ".csv");
        Files.writeString(file, "text,label\r\n");
        try {
            // bench-serving divided by the number of texts ("loopwise: / by zero"); nothing listens on port 1.
            Printed serving = run("bench-serving", "--key", "some-key", "--url", "http://127.0.0.1:1", "--texts", file.toString(),
                    "--no-raw", "--clients", "1", "--seconds", "1");
            assertEquals(2, serving.exit, serving.err);
            assertTrue(serving.err.contains(file + " holds no tickets: --texts needs a ticket file with a text column"), serving.err);
            // bench-encoders printed 0 texts/s for each encoder and ended as if it had measured something.
            Printed encoders = run("bench-encoders", "--texts", file.toString(), "--encoders", "all-MiniLM-L6-v2", "--rounds", "1");
            assertEquals(2, encoders.exit, encoders.err);
            assertTrue(encoders.err.contains(file + " holds no tickets"), encoders.err);
        } finally {
            Files.delete(file);
        }
    }

    private record Printed(int exit, String err) {
    }

    private static Printed run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream before = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = LoopwiseCommand.commandLine().execute(args);
            return new Printed(exit, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(before);
        }
    }
}
