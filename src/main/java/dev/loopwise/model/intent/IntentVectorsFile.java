package dev.loopwise.model.intent;

import dev.loopwise.ticket.TicketRow;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code eval-intents --vectors DIR}: the sentence vectors of every split as served and the head's weights, so that
 * out-of-scope detectors can be compared offline without encoding or training again. Each matrix is raw float32,
 * little-endian, row after row ({@code numpy.fromfile(f, "<f4").reshape(n, d)}); labels are one per line.
 */
final class IntentVectorsFile {
    private IntentVectorsFile() {
    }

    static void write(Path dir, IntentHead head, float[][] train, List<TicketRow> trainRows, float[][] validation,
                      List<TicketRow> validationRows, float[][] test, List<TicketRow> testRows) throws IOException {
        Files.createDirectories(dir);
        split(dir, "train", train, trainRows);
        split(dir, "validation", validation, validationRows);
        split(dir, "test", test, testRows);
        matrix(dir.resolve("head-weights.f32"), head.weights());
        matrix(dir.resolve("head-bias.f32"), new float[][] {head.bias()});
        Files.write(dir.resolve("head-labels.txt"), head.labels(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("head.txt"), "threshold=" + head.threshold() + "\noutOfScopeLabel="
                + head.outOfScopeLabel() + "\ndimension=" + head.weights()[0].length + "\n");
    }

    private static void split(Path dir, String name, float[][] vectors, List<TicketRow> rows) throws IOException {
        matrix(dir.resolve(name + ".f32"), vectors);
        Files.write(dir.resolve(name + ".labels"), rows.stream().map(TicketRow::label).toList(), StandardCharsets.UTF_8);
    }

    private static void matrix(Path file, float[][] rows) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            for (float[] row : rows) {
                ByteBuffer bytes = ByteBuffer.allocate(row.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                bytes.asFloatBuffer().put(row);
                out.write(bytes.array());
            }
        }
    }
}
