package dev.loopwise.model.intent;

import dev.loopwise.common.EvalMessages;
import dev.loopwise.common.file.AtomicFiles;
import dev.loopwise.ticket.TicketRow;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code eval-intents --vectors DIR}: the sentence vectors of every split as served and the head's weights, so that
 * out-of-scope detectors can be compared offline without encoding or training again. Each matrix is raw float32,
 * little-endian, row after row ({@code numpy.fromfile(f, "<f4").reshape(n, d)}); labels are one per line.
 * {@code head.txt} holds {@code key=value} lines, the first {@code formatVersion}: the raw matrices cannot say
 * what they are, so a reader checks it before trusting their layout.
 */
final class IntentVectorsFile {
    /** The layout of the folder; raised whenever a file in it changes its meaning. */
    static final int FORMAT_VERSION = 1;
    static final String HEAD_FILE = "head.txt";

    /** What {@code head.txt} says besides its version. */
    record Head(double threshold, String outOfScopeLabel, int dimension) {
    }

    private IntentVectorsFile() {
    }

    static void write(Path dir, IntentHead head, float[][] train, List<TicketRow> trainRows, float[][] validation,
                      List<TicketRow> validationRows, float[][] test, List<TicketRow> testRows) throws IOException {
        Files.createDirectories(dir);
        // head.txt vouches for the folder, so it goes first and comes back last: a run that fails midway leaves a
        // folder that no reader takes for whole, instead of one mixing this run's files with an earlier run's.
        Files.deleteIfExists(dir.resolve(HEAD_FILE));
        split(dir, "train", train, trainRows);
        split(dir, "validation", validation, validationRows);
        split(dir, "test", test, testRows);
        matrix(dir.resolve("head-weights.f32"), head.weights());
        matrix(dir.resolve("head-bias.f32"), new float[][] {head.bias()});
        AtomicFiles.writeLines(dir.resolve("head-labels.txt"), head.labels());
        AtomicFiles.writeLines(dir.resolve(HEAD_FILE), List.of("formatVersion=" + FORMAT_VERSION, "threshold=" + head.threshold(),
                "outOfScopeLabel=" + head.outOfScopeLabel(), "dimension=" + head.weights()[0].length));
    }

    /** Reads {@code head.txt} back, refusing a folder of another format version (or of none). */
    static Head readHead(Path dir) throws IOException {
        Path file = dir.resolve(HEAD_FILE);
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        String version = values.get("formatVersion");
        if (!String.valueOf(FORMAT_VERSION).equals(version)) {
            throw new IllegalArgumentException(EvalMessages.vectorsFormatVersion(file, version, FORMAT_VERSION));
        }
        String label = values.get("outOfScopeLabel");
        return new Head(Double.parseDouble(values.get("threshold")), "null".equals(label) ? null : label,
                Integer.parseInt(values.get("dimension")));
    }

    private static void split(Path dir, String name, float[][] vectors, List<TicketRow> rows) throws IOException {
        matrix(dir.resolve(name + ".f32"), vectors);
        AtomicFiles.writeLines(dir.resolve(name + ".labels"), rows.stream().map(TicketRow::label).toList());
    }

    private static void matrix(Path file, float[][] rows) throws IOException {
        AtomicFiles.write(file, out -> {
            for (float[] row : rows) {
                ByteBuffer bytes = ByteBuffer.allocate(row.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                bytes.asFloatBuffer().put(row);
                out.write(bytes.array());
            }
        });
    }
}
