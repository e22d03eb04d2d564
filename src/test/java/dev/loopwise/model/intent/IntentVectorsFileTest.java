package dev.loopwise.model.intent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.EvalMessages;
import dev.loopwise.common.file.Place;
import dev.loopwise.ticket.TicketRow;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval-intents --vectors DIR} names its format version, and a reader refuses a folder of another version. */
class IntentVectorsFileTest {
    @TempDir
    Path dir;

    @Test
    void theHeadFileStartsWithTheFormatVersionAndReadsBack() throws Exception {
        write(head("oos"));
        Path headFile = dir.resolve(IntentVectorsFile.HEAD_FILE);
        assertEquals("formatVersion=1", Files.readAllLines(headFile, StandardCharsets.UTF_8).get(0));
        assertEquals(new IntentVectorsFile.Head(0.4, "oos", 2), IntentVectorsFile.readHead(dir));
        float[] train = new float[4];
        ByteBuffer.wrap(Files.readAllBytes(dir.resolve("train.f32"))).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(train);
        assertArrayEquals(new float[] {1, 2, 3, 4}, train);
        assertEquals(List.of("refund", "oos"), Files.readAllLines(dir.resolve("train.labels"), StandardCharsets.UTF_8));

        write(head(null));
        assertNull(IntentVectorsFile.readHead(dir).outOfScopeLabel());
    }

    @Test
    void anotherVersionOrNoneIsRefusedSayingWhatToDo() throws Exception {
        write(head("oos"));
        Path headFile = dir.resolve(IntentVectorsFile.HEAD_FILE);
        String written = Files.readString(headFile);

        Files.writeString(headFile, written.replace("formatVersion=1", "formatVersion=2"));
        IllegalArgumentException newer = assertThrows(IllegalArgumentException.class, () -> IntentVectorsFile.readHead(dir));
        assertEquals(EvalMessages.vectorsFormatVersion(headFile, "2", 1), newer.getMessage());
        assertEquals(headFile + " is in format version 2; this Loopwise reads format version 1. Write the folder again with"
                + " eval-intents --vectors DIR.", newer.getMessage());

        Files.writeString(headFile, written.replace("formatVersion=1\n", ""));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> IntentVectorsFile.readHead(dir));
        assertEquals(EvalMessages.vectorsFormatVersion(headFile, null, 1), none.getMessage());
    }

    @Test
    void aRewriteThatFailsMidwayLeavesAFolderNoReaderTakesForWhole() throws Exception {
        write(head("oos"));
        List<TicketRow> rows = List.of(row("refund"), row("oos"));
        float[][] vectors = {{1, 2}, {3, 4}};
        // The test split's second vector is missing: train and validation are already rewritten when it fails.
        assertThrows(NullPointerException.class, () -> IntentVectorsFile.write(dir, head("oos"), vectors, rows, vectors, rows,
                new float[][] {{5, 6}, null}, rows));
        assertThrows(NoSuchFileException.class, () -> IntentVectorsFile.readHead(dir));
        assertEquals(16, Files.size(dir.resolve("test.f32")), "the earlier test vectors are whole");
        try (Stream<Path> left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".part")));
        }
    }

    private void write(IntentHead head) throws Exception {
        List<TicketRow> rows = List.of(row("refund"), row("oos"));
        float[][] vectors = {{1, 2}, {3, 4}};
        IntentVectorsFile.write(dir, head, vectors, rows, vectors, rows, vectors, rows);
    }

    private static IntentHead head(String outOfScopeLabel) {
        return new IntentHead(IntentHead.TRAINED, List.of("refund", "oos"), new float[][] {{1, 0}, {0, 1}},
                new float[] {0, 0}, 0.4, outOfScopeLabel);
    }

    private static TicketRow row(String label) {
        return new TicketRow(Place.line(1), "text " + label, label, null, "train", Map.of());
    }
}
