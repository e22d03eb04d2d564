package dev.loopwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A file name typed with an accent in a shell whose locale is not UTF-8 (LANG=C) reaches Java as replacement marks:
 * the command says so and what to do, not Java's InvalidPathException nor that no such file exists.
 */
class UndecodedFileNameTest {

    @Test
    void aFileNameThatArrivedAsReplacementMarksIsSaidWithTheLocaleToUse() {
        for (String[] args : new String[][] {{"bench-import", "caf\uFFFD\uFFFD.csv"},
            {"eval-intents", "--train", "caf\uFFFD\uFFFD.csv", "--test", "caf\uFFFD\uFFFD.csv"}}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream before = System.err;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit;
            try {
                exit = LoopwiseCommand.commandLine().execute(args);
            } finally {
                System.setErr(before);
            }
            String said = err.toString(StandardCharsets.UTF_8);
            assertEquals(2, exit, said);
            assertTrue(said.contains("'caf\uFFFD\uFFFD.csv' cannot be read as a file name: the shell's locale is not UTF-8")
                    && said.contains("LANG=C.UTF-8") && !said.contains("no file") && !said.contains("Exception"), said);
        }
    }
}
