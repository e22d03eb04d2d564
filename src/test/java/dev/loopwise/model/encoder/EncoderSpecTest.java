package dev.loopwise.model.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.transformer.Pooling;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encoders by name or folder: their ids, pooling, and the messages a wrong name or changed files get. */
class EncoderSpecTest {
    static final Path CACHE = Path.of("target/encoder-cache");

    @Test
    void everyCatalogueEntryIsOnTheClasspathWithItsPooling() {
        for (EncoderCatalogue.Entry entry : EncoderCatalogue.entries()) {
            assertTrue(EncoderSpecTest.class.getResource(entry.model()) != null, entry.artifact() + " carries " + entry.model());
            assertTrue(EncoderSpecTest.class.getResource(entry.tokenizer()) != null, entry.artifact() + " carries " + entry.tokenizer());
        }
        assertEquals(Pooling.MEAN, EncoderCatalogue.find("all-MiniLM-L6-v2").orElseThrow().pooling());
        assertEquals(Pooling.CLS, EncoderCatalogue.find("BGE-small-en-v1.5").orElseThrow().pooling(), "names ignore case");
        assertTrue(EncoderCatalogue.find(EncoderCatalogue.DEFAULT_NAME).isPresent());
    }

    @Test
    void anIdNamesTheWeightsAndThePooling() {
        EncoderSpec mean = EncoderSpec.resolve("all-MiniLM-L6-v2", Optional.empty(), 128, CACHE);
        EncoderSpec cls = EncoderSpec.resolve("all-MiniLM-L6-v2", Optional.of(Pooling.CLS), 128, CACHE);
        EncoderSpec quantised = EncoderSpec.resolve("all-MiniLM-L6-v2-q", Optional.empty(), 128, CACHE);
        assertTrue(mean.id().matches("all-MiniLM-L6-v2@[0-9a-f]{12}/mean"), mean.id());
        assertEquals(mean.id().replace("/mean", "/cls"), cls.id());
        assertNotEquals(mean.files().weightsHash(), quantised.files().weightsHash());
        assertEquals(mean.id() + "/t256", EncoderSpec.resolve("all-MiniLM-L6-v2", Optional.empty(), 512, CACHE).id(),
                "truncation is capped at the model's own limit and named when not the usual 128");
        assertEquals(mean.id(), EncoderSpec.normalise(mean.id().replace("/mean", "")), "ids stored before pooling was named were mean");
        assertEquals(Pooling.CLS, EncoderSpec.pooling(cls.id()));
        assertEquals(256, EncoderSpec.maxTokens(mean.id() + "/t256"));
    }

    @Test
    void anUnknownNameIsAnsweredWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EncoderSpec.resolve("bert-large", Optional.empty(), 128, CACHE));
        for (String name : EncoderCatalogue.names()) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EncoderSpec.resolve("./no/such/folder", Optional.empty(), 128, CACHE))
                .getMessage().contains("does not exist"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Pooling.parse("max")).getMessage().contains("mean or cls"));
    }

    @Test
    void aFolderSaysItsPoolingAndIsRefusedOnceItsWeightsChange(@TempDir Path folder) throws Exception {
        EncoderSpec bundled = EncoderSpec.resolve("all-MiniLM-L6-v2-q", Optional.empty(), 128, CACHE);
        Files.copy(bundled.files().model(), folder.resolve("model.onnx"));
        Files.copy(bundled.files().tokenizer(), folder.resolve("tokenizer.json"));
        EncoderSpec plain = EncoderSpec.resolve(folder.toString(), Optional.empty(), 128, CACHE);
        assertEquals(Pooling.MEAN, plain.pooling(), "a folder without settings is mean pooled");
        assertEquals(bundled.files().weightsHash(), plain.files().weightsHash());

        Files.writeString(folder.resolve(EncoderSpec.FOLDER_SETTINGS), "{\"pooling\": \"cls\", \"prefix\": \"query: \"}");
        EncoderSpec own = EncoderSpec.resolve(folder.toString(), Optional.empty(), 128, CACHE);
        assertEquals(Pooling.CLS, own.pooling());
        assertEquals("query: ", own.prefix());
        assertTrue(own.id().contains("/cls/p"), "the prefix changes every vector, so it is part of the id: " + own.id());
        assertEquals(own.id(), EncoderSpec.forId(own.id(), own.source(), CACHE).id(), "found again where it was");

        Files.write(folder.resolve("model.onnx"), new byte[] {1, 2, 3});
        IllegalStateException changed = assertThrows(IllegalStateException.class, () -> EncoderSpec.forId(own.id(), own.source(), CACHE));
        assertTrue(changed.getMessage().contains("is no longer at"), changed.getMessage());
    }

    @Test
    void aFolderWhoseFilesAreNotAModelAndATokenizerIsToldSoNamingTheFile(@TempDir Path folder) throws Exception {
        EncoderSpec bundled = EncoderSpec.resolve("all-MiniLM-L6-v2-q", Optional.empty(), 128, CACHE);
        Files.copy(bundled.files().model(), folder.resolve("model.onnx"));
        Path tokenizer = folder.resolve("tokenizer.json");
        // The tokenizer library said only "EOF while parsing a value at line 1 column 0" or "Model missing. at line 1 column 2".
        for (String broken : new String[] {"", "{}", "{\"model\":"}) {
            Files.writeString(tokenizer, broken);
            EncoderSpec spec = EncoderSpec.resolve(folder.toString(), Optional.empty(), 128, CACHE);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SentenceEncoder(spec, 8, 1).close());
            assertTrue(e.getMessage().startsWith("The encoder file " + tokenizer.toAbsolutePath().normalize()
                    + (broken.isEmpty() ? " is empty" : " is not a Hugging Face tokenizer")), e.getMessage());
        }
        Files.copy(bundled.files().tokenizer(), tokenizer, StandardCopyOption.REPLACE_EXISTING);
        Path model = folder.resolve("model.onnx");
        // ONNX Runtime's own words quoted its C++ source file and constructor.
        for (byte[] broken : new byte[][] {new byte[0], "not a model".getBytes(StandardCharsets.UTF_8)}) {
            Files.write(model, broken);
            EncoderSpec spec = EncoderSpec.resolve(folder.toString(), Optional.empty(), 128, CACHE);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SentenceEncoder(spec, 8, 1).close());
            assertTrue(e.getMessage().startsWith("The encoder file " + model.toAbsolutePath().normalize()
                    + (broken.length == 0 ? " is empty" : " is not an ONNX model")), e.getMessage());
            assertTrue(!e.getMessage().contains("onnxruntime") && e.getMessage().contains("model.onnx and tokenizer.json"), e.getMessage());
        }
    }

    @Test
    void aFolderSettingsFileThatWouldBeIgnoredOrTruncateEveryTextToNothingIsRefused(@TempDir Path folder) throws Exception {
        EncoderSpec bundled = EncoderSpec.resolve("all-MiniLM-L6-v2-q", Optional.empty(), 128, CACHE);
        Files.copy(bundled.files().model(), folder.resolve("model.onnx"));
        Files.copy(bundled.files().tokenizer(), folder.resolve("tokenizer.json"));
        Path settings = folder.resolve(EncoderSpec.FOLDER_SETTINGS);
        // Each was taken: 0 and -3 as the truncation (every text encoded from its marks alone), the rest as no settings at all.
        for (String refused : new String[] {"{\"maxTokens\": 0}", "{\"maxTokens\": -3}", "{\"maxTokens\": 1.5}", "{\"maxTokens\": \"many\"}",
                "{\"maxTokens\": 99999999999}", "[{\"pooling\": \"cls\"}]", "{\"pooling\": \"cls\","}) {
            Files.writeString(settings, refused);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> EncoderSpec.resolve(folder.toString(), Optional.empty(), 128, CACHE), refused);
            assertTrue(e.getMessage().startsWith("The encoder settings " + settings.toAbsolutePath().normalize() + " cannot be used: "),
                    e.getMessage());
        }
        Files.writeString(settings, "{\"maxTokens\": \"64\"}");
        assertEquals(64, EncoderSpec.resolve(folder.toString(), Optional.empty(), 128, CACHE).maxTokens(), "a quoted number is read");
        Files.writeString(settings, "");
        assertEquals(128, EncoderSpec.resolve(folder.toString(), Optional.empty(), 128, CACHE).maxTokens(), "an empty file says nothing");
    }
}
