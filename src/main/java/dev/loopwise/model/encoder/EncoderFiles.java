package dev.loopwise.model.encoder;

import dev.loopwise.common.file.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where an encoder's {@code model.onnx} and {@code tokenizer.json} live, and the SHA-256 of its weights:
 * a folder the user names, or a catalogue encoder copied out of the Maven artifact that carries it.
 */
public record EncoderFiles(Path directory, String weightsHash) {
    /** Unpacked catalogue encoders of this process: hashing 130 MB of weights once is enough. */
    private static final Map<Path, EncoderFiles> UNPACKED = new ConcurrentHashMap<>();

    public Path model() {
        return directory.resolve("model.onnx");
    }

    public Path tokenizer() {
        return directory.resolve("tokenizer.json");
    }

    /** A user's folder, checked for both files. */
    static EncoderFiles folder(Path directory) {
        requireBoth(directory);
        try (InputStream in = Files.newInputStream(directory.resolve("model.onnx"))) {
            return new EncoderFiles(directory, sha256(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + directory.resolve("model.onnx"), e);
        }
    }

    /** Refuses a folder that lacks either file, which a command can tell before it reads its own files. */
    static void requireBoth(Path directory) {
        for (String file : new String[] {"model.onnx", "tokenizer.json"}) {
            if (!Files.isRegularFile(directory.resolve(file))) {
                throw new IllegalArgumentException("The encoder folder " + directory.toAbsolutePath().normalize() + " has no " + file
                        + ": it needs model.onnx and tokenizer.json.");
            }
        }
    }

    /**
     * {@link #requireBoth}, and a model.onnx big enough to be one, for a command to tell before it reads its files: a clone
     * without Git LFS holds a pointer of a hundred-odd bytes where the model should be, found otherwise only at encoding.
     */
    static void requireModel(Path directory) {
        requireBoth(directory);
        Path model = directory.resolve("model.onnx");
        try {
            long size = Files.size(model);
            if (size == 0) {
                throw new IllegalArgumentException("The encoder file " + model.toAbsolutePath().normalize() + " is empty: fetch the"
                        + " model itself (git lfs pull) or download it again.");
            }
            // No real model is this small (even a graph with its weights apart is larger): an error page saved by a download,
            // a cut-off file or a pointer, which only its own first line names as such.
            if (size < SMALLEST_MODEL_BYTES) {
                throw new IllegalArgumentException("The encoder file " + model.toAbsolutePath().normalize() + (isLfsPointer(model)
                        ? " is a Git LFS pointer of " + size + " bytes, not the model: fetch the model itself (git lfs pull) or download it again."
                        : " holds " + size + " bytes, too small to be an ONNX model: download it again."));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + model, e);
        }
    }

    private static final String LFS_POINTER_START = "version https://git-lfs.github.com/spec/v1";

    private static boolean isLfsPointer(Path file) throws IOException {
        byte[] start = new byte[LFS_POINTER_START.length()];
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(start, 0, start.length) == start.length
                    && new String(start, StandardCharsets.US_ASCII).equals(LFS_POINTER_START);
        }
    }

    private static final long SMALLEST_MODEL_BYTES = 1024;

    /** A catalogue encoder, unpacked under {@code cacheDirectory}/its name unless an identical copy is there. */
    static EncoderFiles unpack(EncoderCatalogue.Entry entry, Path cacheDirectory) {
        Path directory = cacheDirectory.resolve(entry.name()).toAbsolutePath().normalize();
        return UNPACKED.computeIfAbsent(directory, d -> {
            try {
                Files.createDirectories(d);
                String modelHash = copyIfChanged(entry, entry.model(), d.resolve("model.onnx"));
                copyIfChanged(entry, entry.tokenizer(), d.resolve("tokenizer.json"));
                return new EncoderFiles(d, modelHash);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not unpack the encoder " + entry.name() + " into " + d, e);
            }
        });
    }

    /**
     * Copies a bundled resource unless the copy there came from this very jar entry; returns its SHA-256. Hashing
     * 130 MB of weights took most of a second at every start, so the hash is kept in a note beside the copy with
     * the entry's size and CRC-32 (read from the jar's directory, nothing inflated) and the copy's size and time:
     * while they all match, the stored hash is the copy's. Another jar or a touched copy is hashed and compared anew.
     */
    static String copyIfChanged(EncoderCatalogue.Entry entry, String resource, Path target) throws IOException {
        URL url = EncoderFiles.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("The encoder " + entry.name() + " is not on the classpath (" + resource
                    + " missing): add the Maven artifact " + entry.artifact() + ".");
        }
        Path marker = target.resolveSibling(target.getFileName() + ".source");
        String source = sourceStamp(url);
        Optional<String> known = UnpackMarker.read(marker, source, target);
        if (known.isPresent()) {
            return known.get();
        }
        String wanted;
        try (InputStream in = url.openStream()) {
            wanted = sha256(in);
        }
        boolean identical = false;
        if (Files.isRegularFile(target)) {
            try (InputStream existing = Files.newInputStream(target)) {
                identical = sha256(existing).equals(wanted);
            }
        }
        if (!identical) {
            // Another process may unpack at the same time; an atomic move leaves one whole file either way.
            AtomicFiles.write(target, out -> {
                try (InputStream in = url.openStream()) {
                    in.transferTo(out);
                }
            });
        }
        UnpackMarker.write(marker, source, target, wanted);
        return wanted;
    }

    /** What identifies the bundled file without reading it: a jar entry's size and CRC-32, a plain file's size and time. */
    static String sourceStamp(URL url) throws IOException {
        try {
            if (url.openConnection() instanceof JarURLConnection jar) {
                try (ZipFile zip = new ZipFile(Path.of(jar.getJarFileURL().toURI()).toFile())) {
                    ZipEntry zipEntry = zip.getEntry(jar.getEntryName());
                    return zipEntry == null || zipEntry.getCrc() < 0 ? null
                            : "jar entry " + zipEntry.getSize() + " " + Long.toHexString(zipEntry.getCrc());
                }
            }
            if ("file".equals(url.getProtocol())) {
                Path file = Path.of(url.toURI());
                return "file " + file + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
                digesting.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
