package dev.loopwise.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        trained.details = new LinkedHashMap<>(Map.of("newIntents", List.of()));
        trained.details.put("maxKl", 2.0);
        trained.details.put("skip_reason", " ");
        assertEquals("max kl: 2.0", AuditFormats.detailText(trained));
    }

    @Test
    void aKeyWithoutItsOwnLimitReadsAsNoLimitNotAsZeroRequests() {
        AuditEvent created = new AuditEvent();
        created.action = "apikey.create";
        created.details = new LinkedHashMap<>(Map.of("name", "command line"));
        created.details.put("requestsPerMinute", 0);
        assertEquals("name: command line; requests per minute: no limit", AuditFormats.detailText(created));
        created.details.put("requestsPerMinute", 120);
        assertEquals("name: command line; requests per minute: 120", AuditFormats.detailText(created));
    }

    @Test
    void anImportsNewIntentsReadAsNamesAndItsCountsSayWhatTheyCount() {
        AuditEvent imported = event("tickets.import", "imported", 3);
        imported.details.put("newIntents", List.of("payment_methods", "gift_wrap"));
        imported.details.put("labelledExisting", 0);
        assertEquals("imported: 3; new intents: payment_methods, gift_wrap; tickets already here without an intent that it labelled: 0",
                AuditFormats.detailText(imported));
    }

    @Test
    void aTrainingSaysHowItLearnsInTheTrainFormsWords() {
        assertEquals("how it learns: quick (on top of the reading model)", AuditFormats.detailText(event("training.start", "regime", "linear")));
    }

    @Test
    void aChangeReadsFromBeforeTo() {
        // As the database gives them back: a JSON object's keys, shortest first.
        AuditEvent role = event("user.role_change", "to", "reviewer");
        role.details.put("from", "admin");
        assertEquals("from: admin; to: reviewer", AuditFormats.detailText(role));
        AuditEvent renamed = event("user.rename", "to", "Anna Berg");
        renamed.target = "account anna";
        assertEquals("Changed the display name of account anna.", AuditFormats.sentence(renamed));
        AuditEvent round = event("round.start", "method", "dpo");
        round.target = "alignment round 4";
        assertEquals("Started improvement round 4.", AuditFormats.sentence(round), "the Rounds page's own name for it");
        AuditEvent key = event("key.create", "name", "helpdesk");
        key.details.put("requestsPerMinute", 60);
        assertEquals("name: helpdesk; requests per minute: 60", AuditFormats.detailText(key));
    }

    @Test
    void storedCodesReadAsWords() {
        assertEquals("answer: both bad", AuditFormats.detailText(event("review.gold", "answer", "both_bad")));
        assertEquals("answer: reply 2 is better", AuditFormats.detailText(event("review.gold", "answer", "2")));
    }

    @Test
    void aRoundsSettingsAndWhyAVersionWasSwitchedReadAsWords() {
        AuditEvent round = event("round.start", "method", "reward_weighted");
        round.details.putAll(Map.of("beta", 0.1, "rewardModel", "vector", "policyEpochs", 200, "seed", 42,
                "minRewardAccuracy", 0.6, "maxKl", 2.0));
        assertEquals("how it learns: from a model of what reviewers prefer; how close to stay to the active version (β): 0.1;"
                + " reward model: quick; policy epochs: 200; seed: 42; the rest on the round's page", AuditFormats.detailText(round));
        AuditEvent promoted = event("model.promote", "reason", "promote");
        promoted.details.put("previousVersion", 2);
        assertEquals("the version answering before: v2", AuditFormats.detailText(promoted));
        assertEquals("a round showed it picks the replies reviewers prefer more often",
                AuditFormats.detailText(event("model.promote", "reason", "alignment")));
    }

    private static AuditEvent event(String action, String key, Object value) {
        AuditEvent event = new AuditEvent();
        event.action = action;
        event.details = new LinkedHashMap<>(Map.of(key, value));
        return event;
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
