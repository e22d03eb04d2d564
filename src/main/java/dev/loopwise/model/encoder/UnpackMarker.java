package dev.loopwise.model.encoder;

import dev.loopwise.common.file.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The note beside an unpacked encoder file: where it came from, the copy's size and time when it was checked, and
 * its SHA-256. It vouches for the hash only while the source and the copy are unchanged.
 */
final class UnpackMarker {
    private UnpackMarker() {
    }

    /** The stored hash, if {@code source} is where the copy came from and the copy was not touched since. */
    static Optional<String> read(Path marker, String source, Path copy) {
        if (source == null || !Files.isRegularFile(marker) || !Files.isRegularFile(copy)) {
            return Optional.empty();
        }
        Properties note = new Properties();
        try (Reader in = Files.newBufferedReader(marker)) {
            note.load(in);
            boolean same = source.equals(note.getProperty("source"))
                    && String.valueOf(Files.size(copy)).equals(note.getProperty("copy-size"))
                    && String.valueOf(Files.getLastModifiedTime(copy).toMillis()).equals(note.getProperty("copy-modified"));
            String hash = note.getProperty("sha256");
            return same && hash != null && hash.matches("[0-9a-f]{64}") ? Optional.of(hash) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            // An unreadable note costs one hashing, nothing else.
            return Optional.empty();
        }
    }

    static void write(Path marker, String source, Path copy, String hash) throws IOException {
        if (source == null) {
            return;
        }
        Properties note = new Properties();
        note.setProperty("source", source);
        note.setProperty("copy-size", String.valueOf(Files.size(copy)));
        note.setProperty("copy-modified", String.valueOf(Files.getLastModifiedTime(copy).toMillis()));
        note.setProperty("sha256", hash);
        AtomicFiles.writeText(marker, out -> note.store(out, "Unpacked encoder file: its source and SHA-256 (deleting this note only costs"
                + " one hashing)"));
    }
}
