package dev.loopwise.cli;

import static dev.loopwise.cli.CommandLineErrorsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.cli.CommandLineErrorsTest.Printed;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The experiment commands name an encoder they cannot use, or its folder's missing files, before they read a data file. */
class EncoderOptionsTest {
    @Test
    void anUnknownEncoderOrPreferenceIsNamedBeforeTheDataFileIsRead() {
        // The files do not exist: a command that read them first would name the file, after a wait on a real one.
        String[][] mistakes = {{"eval-intents", "--train", "no-such.csv", "--test", "no-such.csv", "--encoder", "nosuch"},
            {"eval-reward", "--train", "no-such.jsonl", "--test", "no-such.jsonl", "--encoder", "nosuch"},
            {"simulate", "--data", "no-such.csv", "--encoder", "nosuch"}, {"bench-drift", "--data", "no-such.csv", "--encoder", "nosuch"},
            {"bench-gates", "--data", "no-such.csv", "--encoder", "nosuch"}};
        for (String[] args : mistakes) {
            Printed refused = run(args);
            assertEquals(2, refused.exit(), String.join(" ", args));
            assertTrue(refused.err().contains("Unknown encoder 'nosuch'") && !refused.err().contains("no-such"), refused.err());
        }
        Printed pooling = run("eval-intents", "--train", "no-such.csv", "--test", "no-such.csv", "--pooling", "max");
        assertTrue(pooling.exit() == 2 && pooling.err().contains("Unknown pooling 'max'"), pooling.err());
        Printed preference = run("simulate", "--data", "no-such.csv", "--preference", "friendly");
        assertTrue(preference.exit() == 2 && preference.err().contains("friendly") && !preference.err().contains("no-such"), preference.err());
    }

    @Test
    void anEncoderFolderWithoutItsFilesIsNamedBeforeTheDataFileIsRead() throws Exception {
        // A folder that exists passed the early check, and its missing model.onnx was found only after the tickets were read.
        Path folder = Files.createTempDirectory("encoder");
        Files.writeString(folder.resolve("model.onnx"), "weights");
        try {
            String[][] mistakes = {{"eval-intents", "--train", "no-such.csv", "--test", "no-such.csv", "--encoder", folder.toString()},
                {"eval-reward", "--train", "no-such.jsonl", "--test", "no-such.jsonl", "--encoder", folder.toString()},
                {"simulate", "--data", "no-such.csv", "--encoder", folder.toString()},
                {"bench-drift", "--data", "no-such.csv", "--encoder", folder.toString()},
                {"bench-gates", "--data", "no-such.csv", "--encoder", folder.toString()},
                {"bench-relatedness", "--data", "no-such.csv", "--encoders", "all-MiniLM-L6-v2," + folder},
                {"bench-encoders", "--texts", "no-such.csv", "--encoders", folder.toString()}};
            for (String[] args : mistakes) {
                Printed refused = run(args);
                assertEquals(2, refused.exit(), String.join(" ", args));
                String option = args[args.length - 2];
                assertEquals("loopwise: " + option + ": The encoder folder " + folder + " has no tokenizer.json: it needs model.onnx and"
                        + " tokenizer.json.", refused.err().strip());
            }
            // What a clone without Git LFS holds where the model should be.
            Files.writeString(folder.resolve("model.onnx"), "version https://git-lfs.github.com/spec/v1\noid sha256:4f5e\nsize 90868376\n");
            Files.writeString(folder.resolve("tokenizer.json"), "{}");
            Printed pointer = run("eval-intents", "--train", "no-such.csv", "--test", "no-such.csv", "--encoder", folder.toString());
            assertEquals(2, pointer.exit());
            assertTrue(pointer.err().startsWith("loopwise: --encoder: The encoder file ") && pointer.err().contains("is a Git LFS"
                    + " pointer of 73 bytes, not the model") && !pointer.err().contains("no-such"), pointer.err());
            // A small file that is no pointer (an error page a download saved) is refused as well, and not called one.
            Files.writeString(folder.resolve("model.onnx"), "weights");
            Printed small = run("eval-intents", "--train", "no-such.csv", "--test", "no-such.csv", "--encoder", folder.toString());
            assertEquals(2, small.exit(), small.err());
            assertTrue(small.err().startsWith("loopwise: --encoder: The encoder file ") && small.err().contains("model.onnx holds 7 bytes, too"
                    + " small to be an ONNX model") && !small.err().contains("Git LFS") && !small.err().contains("no-such"), small.err());
        } finally {
            Files.deleteIfExists(folder.resolve("tokenizer.json"));
            Files.delete(folder.resolve("model.onnx"));
            Files.delete(folder);
        }
    }
}
