package dev.loopwise.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every action the product records reads as a sentence on the audit page, not as its code. */
class AuditFormatsTest {
    private static final Pattern RECORDED = Pattern.compile("audit\\.record\\([^;]*?\"([a-z_]+\\.[a-z_.]+)\"");

    @Test
    void everyRecordedActionReadsAsASentence() throws IOException {
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path file : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = RECORDED.matcher(Files.readString(file));
                while (m.find()) {
                    actions.add(m.group(1));
                }
            }
        }
        assertTrue(actions.size() >= 20, "found " + actions);
        Set<String> unread = new TreeSet<>(actions);
        unread.removeIf(AuditFormats::reads);
        assertTrue(unread.isEmpty(), "shown as codes: " + unread);
    }

    @Test
    void detailsReadAsWordsAndLeaveOutWhatIsEmpty() {
        AuditEvent trained = new AuditEvent();
        trained.action = "training.start";
        trained.details = new java.util.LinkedHashMap<>(java.util.Map.of("newIntents", java.util.List.of()));
        trained.details.put("maxKl", 2.0);
        trained.details.put("skip_reason", " ");
        assertEquals("max kl: 2.0", AuditFormats.detailText(trained));
    }

    @Test
    void aTrainingSaysHowItLearnsInTheTrainFormsWords() {
        AuditEvent trained = new AuditEvent();
        trained.action = "training.start";
        trained.details = new java.util.LinkedHashMap<>(java.util.Map.of("regime", "linear"));
        assertEquals("how it learns: quick (on top of the reading model)", AuditFormats.detailText(trained));
    }

    @Test
    void storedCodesReadAsWords() {
        AuditEvent gold = new AuditEvent();
        gold.action = "review.gold";
        gold.details = new java.util.LinkedHashMap<>(java.util.Map.of("answer", "both_bad"));
        assertEquals("answer: both bad", AuditFormats.detailText(gold));
        gold.details = new java.util.LinkedHashMap<>(java.util.Map.of("answer", "2"));
        assertEquals("answer: reply 2 is better", AuditFormats.detailText(gold));
        AuditEvent round = new AuditEvent();
        round.action = "round.start";
        round.details = new java.util.LinkedHashMap<>(java.util.Map.of("method", "reward_weighted"));
        assertEquals("method: reward weighted", AuditFormats.detailText(round));
    }

    @Test
    void aSentenceNamesWhatWasDone() {
        AuditEvent imported = new AuditEvent();
        imported.action = "knowledge.import";
        imported.target = "returns.md";
        assertEquals("Imported into the knowledge base: returns.md.", AuditFormats.sentence(imported));
        AuditEvent settings = new AuditEvent();
        settings.action = "llm.settings";
        settings.target = "llm";
        assertEquals("Changed the LLM connection.", AuditFormats.sentence(settings));
    }
}
