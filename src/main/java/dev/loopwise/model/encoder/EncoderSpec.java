package dev.loopwise.model.encoder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.common.CommandLineMessages;
import dev.loopwise.common.FileMessages;
import dev.loopwise.common.text.Hashing;
import dev.loopwise.model.transformer.EncoderSource;
import dev.loopwise.model.transformer.Pooling;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One encoder, fully determined: its weights, how it is pooled, its input prefix and truncation. Its
 * {@link #id()} names exactly that, so vectors of two different encoders (or of one model pooled two
 * ways) are never cached, trained or served together.
 *
 * @param source what the user named it by: a catalogue name or a folder (stored with model versions, to load it again)
 */
public record EncoderSpec(String name, String source, EncoderFiles files, Pooling pooling, String prefix, int maxTokens) {
    /** Truncation of ids without a "/t" part: every vector Loopwise stored before ids carried it was made at 128 tokens. */
    public static final int DEFAULT_MAX_TOKENS = 128;
    /** [CLS] and [SEP] around a text and one word piece of it. */
    private static final int MIN_FOLDER_MAX_TOKENS = 3;
    /** Optional settings a folder encoder may carry: {"pooling": "cls", "prefix": "query: ", "maxTokens": 512}. */
    static final String FOLDER_SETTINGS = "encoder.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * {@code name@weights/pooling[/tN][/pPREFIX]}, e.g. {@code bge-small-en-v1.5@0b1c2d3e4f5a/cls}: the SHA-256
     * of the weights, the pooling, and the truncation and prefix when they differ from the usual.
     */
    public String id() {
        return name + "@" + files.weightsHash().substring(0, 12) + "/" + pooling.key()
                + (maxTokens == DEFAULT_MAX_TOKENS ? "" : "/t" + maxTokens)
                + (prefix.isEmpty() ? "" : "/p" + Hashing.sha256Hex(prefix).substring(0, 8));
    }

    /** Its files and pooling, for fine-tuning it. */
    public EncoderSource tuningSource() {
        return new EncoderSource(id(), files.model(), files.tokenizer(), pooling);
    }

    public String describe() {
        String about = EncoderCatalogue.find(source).map(e -> source + ": " + e.summary()).orElse(source);
        return id() + " (" + about + "; " + pooling.key() + " pooling" + (prefix.isEmpty() ? "" : ", prefix '" + prefix + "'")
                + ", " + maxTokens + " tokens)";
    }

    /**
     * Resolves {@code NAME|DIR}: a catalogue name (unpacked from its artifact) or a folder with model.onnx and
     * tokenizer.json. {@code pooling} overrides the encoder's own; {@code maxTokens} caps its truncation.
     */
    public static EncoderSpec resolve(String nameOrDirectory, Optional<Pooling> pooling, int maxTokens, Path cacheDirectory) {
        String wanted = nameOrDirectory == null || nameOrDirectory.isBlank() ? EncoderCatalogue.DEFAULT_NAME : nameOrDirectory.strip();
        Optional<EncoderCatalogue.Entry> entry = EncoderCatalogue.find(wanted);
        if (entry.isPresent()) {
            EncoderCatalogue.Entry e = entry.get();
            return new EncoderSpec(e.name(), e.name(), EncoderFiles.unpack(e, cacheDirectory), pooling.orElse(e.pooling()), e.prefix(),
                    Math.min(maxTokens, e.maxTokens()));
        }
        Path directory = folder(wanted).toAbsolutePath().normalize();
        EncoderFiles files = EncoderFiles.folder(directory);
        JsonNode settings = folderSettings(directory);
        Pooling own = settings.hasNonNull("pooling") ? Pooling.parse(settings.get("pooling").asText()) : Pooling.MEAN;
        int limit = folderMaxTokens(directory, settings);
        String folderName = directory.getFileName() == null ? "encoder" : directory.getFileName().toString();
        return new EncoderSpec(folderName.length() > 40 ? folderName.substring(0, 40) : folderName, directory.toString(), files,
                pooling.orElse(own), settings.path("prefix").asText(""), Math.min(maxTokens, limit));
    }

    /** {@link #requireKnown} for each of a list an option gives, which must name at least one and no empty one. */
    public static void requireKnown(List<String> names, String option) {
        if (names == null || names.isEmpty() || names.stream().anyMatch(n -> n == null || n.isBlank())) {
            throw new IllegalArgumentException(CommandLineMessages.emptyEncoderName(option));
        }
        names.forEach(name -> requireKnown(name, option));
    }

    /**
     * Refuses a name that is neither in the catalogue nor a folder holding an encoder's two files, before a command reads
     * its files: an empty folder found only after a long read of tickets would waste the wait.
     */
    public static void requireKnown(String nameOrDirectory, String option) {
        if (nameOrDirectory != null && !nameOrDirectory.isBlank() && EncoderCatalogue.find(nameOrDirectory.strip()).isEmpty()) {
            try {
                EncoderFiles.requireModel(folder(nameOrDirectory.strip()));
            } catch (IllegalArgumentException e) {
                // The same words come from --encoder, --encoders and the workspace's setting: the line names which.
                throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
            }
        }
    }

    private static Path folder(String wanted) {
        Path directory = Path.of(wanted.startsWith("~/") ? System.getProperty("user.home") + wanted.substring(1) : wanted);
        if (!Files.isDirectory(directory)) {
            if (wanted.contains("/") || wanted.startsWith(".")) {
                throw new IllegalArgumentException("The encoder folder " + wanted + " does not exist. Known encoders: "
                        + String.join(", ", EncoderCatalogue.names()) + ".");
            }
            throw new IllegalArgumentException(EncoderCatalogue.unknown(wanted));
        }
        return directory;
    }

    /**
     * Loads the encoder a stored id names, from where it was found then. Refuses when the weights there
     * changed: vectors of other weights would silently feed a head trained on these.
     */
    public static EncoderSpec forId(String id, String source, Path cacheDirectory) {
        String normal = normalise(id);
        EncoderSpec spec = resolve(source, Optional.of(pooling(normal)), maxTokens(normal), cacheDirectory);
        if (!spec.id().equals(normal)) {
            throw new IllegalStateException("The encoder " + normal + " is no longer at " + source + " (found " + spec.id()
                    + " there): restore its files, or train a new version with the current encoder.");
        }
        return spec;
    }

    /** Ids stored before pooling was part of them ({@code name@weights}) were all mean pooled. */
    public static String normalise(String id) {
        return id.indexOf('/', Math.max(0, id.lastIndexOf('@'))) < 0 ? id + "/" + Pooling.MEAN.key() : id;
    }

    static Pooling pooling(String id) {
        return Pooling.parse(parts(id)[1]);
    }

    static int maxTokens(String id) {
        String[] parts = parts(id);
        for (int i = 2; i < parts.length; i++) {
            if (parts[i].startsWith("t")) {
                return Integer.parseInt(parts[i].substring(1));
            }
        }
        return DEFAULT_MAX_TOKENS;
    }

    /** {weights, pooling, optional parts...} of an id. */
    private static String[] parts(String id) {
        String normal = normalise(id);
        return normal.substring(normal.lastIndexOf('@') + 1).split("/");
    }

    /**
     * A truncation too short for the marks the tokenizer adds around a text and one word piece would encode every text
     * alike, and a fraction or a quoted word would be read as no limit: each silently, so each is refused.
     */
    private static int folderMaxTokens(Path directory, JsonNode settings) {
        JsonNode value = settings.path("maxTokens");
        if (value.isMissingNode() || value.isNull()) {
            return Integer.MAX_VALUE;
        }
        // A quoted number was always read as the number, and still is.
        String written = value.isTextual() ? value.textValue().strip() : value.isIntegralNumber() ? value.asText() : "";
        int tokens = written.matches("\\d{1,9}") ? Integer.parseInt(written) : -1;
        if (tokens < MIN_FOLDER_MAX_TOKENS) {
            throw new IllegalArgumentException(FileMessages.encoderSettings(directory.resolve(FOLDER_SETTINGS),
                    "its maxTokens must be a whole number from " + MIN_FOLDER_MAX_TOKENS + " to 999,999,999, not " + value));
        }
        return tokens;
    }

    /** {@code encoder.json}, or the pooling of a sentence-transformers folder ({@code 1_Pooling/config.json}). */
    private static JsonNode folderSettings(Path directory) {
        try {
            Path own = directory.resolve(FOLDER_SETTINGS);
            if (Files.isRegularFile(own)) {
                JsonNode settings;
                try {
                    settings = JSON.readTree(own.toFile());
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(FileMessages.encoderSettings(own, "it is not valid JSON ("
                            + e.getOriginalMessage() + ")"), e);
                }
                if (settings == null || settings.isMissingNode()) {
                    return JSON.createObjectNode();
                }
                if (!settings.isObject()) {
                    throw new IllegalArgumentException(FileMessages.encoderSettings(own, "it holds "
                            + (settings.isArray() ? "a list [ ]" : "a single value") + " where one JSON object { } belongs"));
                }
                return settings;
            }
            Path sentenceTransformers = directory.resolve("1_Pooling").resolve("config.json");
            if (Files.isRegularFile(sentenceTransformers)
                    && JSON.readTree(sentenceTransformers.toFile()).path("pooling_mode_cls_token").asBoolean(false)) {
                return JSON.createObjectNode().put("pooling", Pooling.CLS.key());
            }
            return JSON.createObjectNode();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the encoder settings in " + directory + ": " + e.getMessage(), e);
        }
    }
}
