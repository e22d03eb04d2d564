package dev.loopwise.common.file;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files written whole or not at all. A file written in place and cut short (a full disk, an exception, Ctrl-C) looks
 * like a shorter valid one — a scores file with fewer rows, a model file that loads wrong — so content goes to a
 * temporary file beside the target and is renamed over it only once complete: a reader sees the old file or the new
 * one. The temporary file is removed when writing fails; one left by a killed process keeps its {@code .part} ending.
 */
public final class AtomicFiles {
    /** What goes into the file; the stream is closed by the caller of {@link #write}. */
    @FunctionalInterface
    public interface Content<T> {
        void writeTo(T out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code target} from {@code content} (buffered), replacing it only when all of it was written. */
    public static void write(Path target, Content<OutputStream> content) throws IOException {
        // A link is written through, as writing in place did: replacing it would leave the file it names untouched.
        Path destination = Files.isSymbolicLink(target) ? target.toRealPath() : target;
        // Visible, not a dot-file: one left by a killed run (an encoder unpack leaves ~130 MB) is plain to see and remove.
        Path partial = Files.createTempFile(folder(destination), destination.getFileName() + ".", ".part");
        boolean placed = false;
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
                content.writeTo(out);
            }
            keepPermissions(partial, destination);
            moveIntoPlace(partial, destination);
            placed = true;
        } finally {
            if (!placed) {
                deleteQuietly(partial);
            }
        }
    }

    /** As {@link #write}, for text in UTF-8. */
    public static void writeText(Path target, Content<Writer> content) throws IOException {
        write(target, out -> {
            Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            content.writeTo(text);
            text.flush();
        });
    }

    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Lines in UTF-8, each ended by a newline. */
    public static void writeLines(Path target, Iterable<String> lines) throws IOException {
        writeText(target, out -> {
            for (String line : lines) {
                out.write(line);
                out.write('\n');
            }
        });
    }

    /**
     * Renames a complete file over {@code target}; where the file system cannot rename atomically, it is replaced (and a
     * reader may briefly find no file, never a partial one).
     */
    public static void moveIntoPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * A temporary file is readable by its owner only; the file it becomes keeps the permissions of the one it replaces, or
     * gets the usual rw-r--r-- when new, so another user (a notebook, the host of a container) can still read the output.
     */
    private static void keepPermissions(Path partial, Path target) throws IOException {
        if (!Files.getFileStore(partial).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Files.setPosixFilePermissions(partial, Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static Path folder(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    private static void deleteQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            // The failure that brought us here is what the caller needs to hear; a leftover .part file hides nothing.
        }
    }
}
