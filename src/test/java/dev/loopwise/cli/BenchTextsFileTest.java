package dev.loopwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What the benchmarks measure on: a file with a header and no rows, or a sample of no tickets, is said, not measured as
 * zero or NaN or divided by.
 */
class BenchTextsFileTest {

    @Test
    void aTextsFileWithOnlyAHeaderIsRefusedBeforeAnythingIsMeasured() throws Exception {
        Path file = Files.createTempFile("texts", ".csv");
        Files.writeString(file, "text,label\r\n");
        try {
            // bench-serving divided by the number of texts ("loopwise: / by zero"); nothing listens on port 1.
            var serving = CommandLineErrorsTest.run("bench-serving", "--key", "some-key", "--url", "http://127.0.0.1:1", "--texts",
                    file.toString(), "--no-raw", "--clients", "1", "--seconds", "1");
            assertEquals(2, serving.exit(), serving.err());
            assertTrue(serving.err().contains(file + " holds no tickets: --texts needs a ticket file of at least one ticket"), serving.err());
            // bench-encoders printed 0 texts/s for each encoder and ended as if it had measured something.
            var encoders = CommandLineErrorsTest.run("bench-encoders", "--texts", file.toString(), "--encoders", "all-MiniLM-L6-v2",
                    "--rounds", "1");
            assertEquals(2, encoders.exit(), encoders.err());
            assertTrue(encoders.err().contains(file + " holds no tickets"), encoders.err());
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aSampleOfNoTicketsIsRefusedByItsOptionBeforeTheFileIsRead() {
        // --tickets 0 printed a table of NaN% and ended as done; -3 said "fromIndex(0) > toIndex(-3)".
        for (String tickets : new String[] {"0", "-3"}) {
            var relatedness = CommandLineErrorsTest.run("bench-relatedness", "--data", "no-such-file.csv", "--tickets", tickets);
            assertEquals(2, relatedness.exit(), relatedness.err());
            assertTrue(relatedness.err().contains("--tickets") && relatedness.err().contains("1 or more")
                    && !relatedness.err().contains("no file"), relatedness.err());
        }
    }

    @Test
    void anEmptyPlaceInTheListOfEncodersIsRefusedBeforeTheFileIsRead() {
        // "," measured no encoder and printed an empty table; "" measured the default encoder under no name.
        for (String encoders : new String[] {",", "", "all-MiniLM-L6-v2,,bge-small-en-v1.5"}) {
            for (String command : new String[] {"bench-encoders", "bench-relatedness"}) {
                var said = CommandLineErrorsTest.run(command, command.equals("bench-encoders") ? "--texts" : "--data", "no-such-file.csv",
                        "--encoders", encoders);
                assertEquals(2, said.exit(), said.err());
                assertTrue(said.err().contains("--encoders is a list of encoder names or folders") && !said.err().contains("no file"),
                        command + " --encoders '" + encoders + "': " + said.err());
            }
        }
    }
}
