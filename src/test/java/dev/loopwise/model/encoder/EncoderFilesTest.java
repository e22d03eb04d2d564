package dev.loopwise.model.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A catalogue file is hashed once: the note beside its copy keeps the hash while the jar entry and the copy stay the same. */
class EncoderFilesTest {
    private static final EncoderCatalogue.Entry ENTRY = EncoderCatalogue.find("all-MiniLM-L6-v2").orElseThrow();

    @Test
    void theNoteKeepsTheHashOfTheBundledFile(@TempDir Path folder) throws Exception {
        Path copy = folder.resolve("tokenizer.json");
        String hash = EncoderFiles.copyIfChanged(ENTRY, ENTRY.tokenizer(), copy);
        assertEquals(bundledHash(), hash);
        assertArrayEquals(bundledBytes(), Files.readAllBytes(copy));
        Path note = folder.resolve("tokenizer.json.source");
        assertTrue(Files.readString(note).contains("sha256=" + hash), Files.readString(note));

        // A note whose hash is wrong is believed while nothing changed: that is what spares the hashing at start.
        Files.writeString(note, Files.readString(note).replace(hash, "0".repeat(64)));
        assertEquals("0".repeat(64), EncoderFiles.copyIfChanged(ENTRY, ENTRY.tokenizer(), copy));
    }

    @Test
    void aTouchedCopyIsHashedAndRestored(@TempDir Path folder) throws Exception {
        Path copy = folder.resolve("tokenizer.json");
        String hash = EncoderFiles.copyIfChanged(ENTRY, ENTRY.tokenizer(), copy);
        Files.writeString(copy, "{}");
        assertEquals(hash, EncoderFiles.copyIfChanged(ENTRY, ENTRY.tokenizer(), copy));
        assertArrayEquals(bundledBytes(), Files.readAllBytes(copy));

        // Same size, other content, other time: the copy's time gives it away.
        byte[] bytes = bundledBytes();
        bytes[10] ^= 1;
        Files.write(copy, bytes);
        Files.setLastModifiedTime(copy, FileTime.fromMillis(Files.getLastModifiedTime(copy).toMillis() + 5_000));
        assertEquals(hash, EncoderFiles.copyIfChanged(ENTRY, ENTRY.tokenizer(), copy));
        assertArrayEquals(bundledBytes(), Files.readAllBytes(copy));
    }

    @Test
    void anotherSourceIsHashedAnew(@TempDir Path folder) throws Exception {
        Path copy = folder.resolve("tokenizer.json");
        String hash = EncoderFiles.copyIfChanged(ENTRY, ENTRY.tokenizer(), copy);
        Path note = folder.resolve("tokenizer.json.source");
        String source = EncoderFiles.sourceStamp(EncoderFiles.class.getResource(ENTRY.tokenizer()));
        assertTrue(source.startsWith("jar entry "), "read from the jar's directory: " + source);
        // A jar with another entry (new size and CRC-32) must not be taken for the one the copy came from.
        Files.writeString(note, Files.readString(note).replace(hash, "0".repeat(64)).replace("source=jar entry ", "source=jar entry 1"));
        assertEquals(hash, EncoderFiles.copyIfChanged(ENTRY, ENTRY.tokenizer(), copy));
        assertNotEquals("0".repeat(64), hash);
        assertTrue(Files.readString(note).contains("sha256=" + hash), "the note is renewed");
    }

    private static byte[] bundledBytes() throws Exception {
        try (InputStream in = EncoderFiles.class.getResourceAsStream(ENTRY.tokenizer())) {
            return in.readAllBytes();
        }
    }

    private static String bundledHash() throws Exception {
        try (InputStream in = EncoderFiles.class.getResourceAsStream(ENTRY.tokenizer())) {
            return EncoderFiles.sha256(in);
        }
    }
}
