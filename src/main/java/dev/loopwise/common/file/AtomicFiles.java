package dev.loopwise.common.file;

import dev.loopwise.common.FileMessages;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files written whole or not at all. A file written in place and cut short (a full disk, an exception, Ctrl-C) looks
 * like a shorter valid one — a scores file with fewer rows, a model file that loads wrong — so content goes to a
 * temporary file beside the target and is renamed over it only once complete: a reader sees the old file or the new
 * one. The temporary file is removed when writing fails; one left by a killed process keeps its {@code .part} ending
 * until a later write to the same target finds it an hour untouched and removes it. A writer holds a lock on its temporary file until it is in place,
 * and the lock dies with the process: a part file nobody holds is a killed run's, never another live writer's.
 */
public final class AtomicFiles {
    /** What goes into the file; the stream is closed by the caller of {@link #write}. */
    @FunctionalInterface
    public interface Content<T> {
        void writeTo(T out) throws IOException;
    }

    /** The part files this process is writing now. */
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long an unheld part file stays untouched before it is taken for a killed run's. */
    static final Duration LEFT_BEHIND_AFTER = Duration.ofHours(1);

    private AtomicFiles() {
    }

    /** Writes {@code target} from {@code content} (buffered), replacing it only when all of it was written. */
    public static void write(Path target, Content<OutputStream> content) throws IOException {
        // A link is written through, as writing in place did: replacing it would leave the file it names untouched.
        Path destination = Files.isSymbolicLink(target) ? target.toRealPath() : target;
        // Its real path, so that this process knows its own part files under any spelling of the folder (./, a linked folder).
        Path folder = folder(destination).toRealPath();
        String name = destination.getFileName().toString();
        removeStaleParts(folder, name);
        boolean placed = false;
        Path partial = null;
        try (Locked locked = lockedPart(folder, name)) {
            partial = locked.path();
            // Written through the locked channel, which stays open until the move: closing any channel of the file would drop the lock.
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(locked.channel()));
            content.writeTo(out);
            out.flush();
            keepPermissions(partial, destination);
            moveIntoPlace(partial, destination);
            placed = true;
        } finally {
            if (!placed && partial != null) {
                deleteQuietly(partial);
            }
        }
    }

    private record Locked(Path path, FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                channel.close();
            } finally {
                WRITING.remove(path);
            }
        }
    }

    /** A new part file beside the target, readable by its owner only and locked by this process. */
    private static Locked lockedPart(Path folder, String name) throws IOException {
        while (true) {
            // Visible, not a dot-file: one left by a killed run (an encoder unpack leaves ~130 MB) is plain to see and remove.
            Path partial = folder.resolve(name + "." + Long.toUnsignedString(RANDOM.nextLong()) + ".part").toAbsolutePath();
            // Known as this process's before it exists, so that no writer here ever opens it as a possible leftover.
            if (!WRITING.add(partial)) {
                continue;
            }
            FileChannel channel;
            try {
                channel = Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class)
                        ? FileChannel.open(partial, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                        : FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException taken) {
                WRITING.remove(partial);
                continue;
            } catch (FileSystemException refused) {
                WRITING.remove(partial);
                // Java names the part file, which nobody asked for ("no such file: /proc/x.csv.1552….part"): the target and
                // its folder say what to fix.
                throw new FileSystemException(folder.resolve(name).toString(), null, FileMessages.cannotWriteIn(folder, refused));
            } catch (IOException | RuntimeException e) {
                WRITING.remove(partial);
                throw e;
            }
            try {
                FileLock lock = lockIfSupported(channel);
                // Another process may have taken it for a leftover between its creation and the lock: then start over.
                if (Files.exists(partial)) {
                    return new Locked(partial, channel, lock);
                }
                channel.close();
                WRITING.remove(partial);
            } catch (IOException | RuntimeException e) {
                new Locked(partial, channel, null).close();
                deleteQuietly(partial);
                throw e;
            }
        }
    }

    /** A file system without locks (some network shares) still gets the file: others then never take its part for a leftover. */
    private static FileLock lockIfSupported(FileChannel channel) throws IOException {
        try {
            return channel.lock();
        } catch (UnsupportedOperationException | IOException noLocks) {
            return null;
        }
    }

    /**
     * Removes the part files of {@code name} that no process holds: those of a run killed while writing it. One a live
     * writer holds (here or in another process), or whose lock cannot be asked about, stays.
     */
    private static void removeStaleParts(Path folder, String name) {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, glob(name) + ".*.part")) {
            for (Path part : parts) {
                if (isPartOf(part.getFileName().toString(), name)) {
                    removeIfUnheld(part);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Leftovers cost disk space, not correctness: the write itself goes ahead.
        }
    }

    private static boolean isPartOf(String file, String name) {
        return file.startsWith(name + ".") && file.endsWith(".part")
                && file.substring(name.length() + 1, file.length() - ".part".length()).matches("\\d+");
    }

    private static void removeIfUnheld(Path part) {
        // Not even opened when this process writes it: on Linux, closing any channel of a file drops the process's lock on it.
        if (WRITING.contains(part.toAbsolutePath())) {
            return;
        }
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            // A lock is only advisory: a writer that takes none (an older version, a file system that ignores locks) may
            // still be writing a part file nobody holds, so only one untouched for a while counts as left behind.
            if (lock != null && Files.getLastModifiedTime(part).toInstant().isBefore(Instant.now().minus(LEFT_BEHIND_AFTER))) {
                Files.deleteIfExists(part);
            }
        } catch (OverlappingFileLockException | IOException held) {
            // Held by a writer in this process, gone already, or on a file system without locks: left as it is.
        }
    }

    /** {@code name} with the characters a glob reads as patterns escaped. */
    private static String glob(String name) {
        return name.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
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
