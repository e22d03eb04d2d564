package dev.loopwise.alignment;

import dev.loopwise.common.PlainText;
import com.fasterxml.jackson.databind.JsonNode;
import dev.loopwise.audit.AuditLog;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.Counts;
import dev.loopwise.common.Hashing;
import dev.loopwise.common.JsonLines;
import dev.loopwise.common.JsonStrictness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Preference pairs from a TRL JSONL file, all or nothing: plain rows ({@code prompt}, {@code chosen}, {@code rejected}
 * as text) or conversational ones as TRL and Loopwise's own {@code trl-chat} export write them (the prompt as messages,
 * whose last user message is the ticket; each reply as messages, whose last assistant message is the reply). A pair
 * already stored is counted, not stored twice; a file that prefers a reply in one line and its rival in another is refused.
 */
@ApplicationScoped
public class PreferenceImport {
    /** As long as an imported ticket may be. */
    static final int MAX_TEXT_LENGTH = 20_000;
    /**
     * The reward model's loss is −log σ(r_chosen − r_rejected − margin): rewards live within a few units, so a larger
     * margin cannot be met and only pushes the loss towards infinity.
     */
    static final double MAX_MARGIN = 10;

    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;

    public record Imported(int imported, int duplicates, String batch) {
    }

    private record Pair(String prompt, String chosen, String rejected, Double margin, int line) {
        String hash() {
            return Hashing.sha256Hex(prompt + '\u001f' + chosen + '\u001f' + rejected);
        }
    }

    @Transactional
    public Imported importTrl(String body, String user) {
        List<String> problems = new ArrayList<>();
        List<Pair> pairs = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String[] lines = (body == null ? "" : body).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int line = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            JsonNode node = JsonLines.readOrNote(lines[i], line, problems);
            if (node == null) {
                continue;
            }
            String prompt = text(node, "prompt", "user", line, problems);
            String chosen = text(node, "chosen", "assistant", line, problems);
            String rejected = text(node, "rejected", "assistant", line, problems);
            if (chosen != null && chosen.equals(rejected)) {
                problems.add("line " + line + ": 'chosen' and 'rejected' are the same reply, which teaches no preference");
            }
            if (node.has("margin") && !(node.get("margin").isNumber() && node.get("margin").asDouble() >= 0
                    && node.get("margin").asDouble() <= MAX_MARGIN)) {
                problems.add("line " + line + ": 'margin' must be a number from 0 to " + (int) MAX_MARGIN
                        + " (how much more the chosen reply is preferred)");
            }
            if (prompt == null || chosen == null || rejected == null) {
                continue;
            }
            Integer opposite = seen.get(Hashing.sha256Hex(prompt + '\u001f' + rejected + '\u001f' + chosen));
            if (opposite != null) {
                problems.add("line " + line + ": prefers the reply that line " + opposite + " rejects for the same prompt; keep one of them");
            }
            Pair pair = new Pair(prompt, chosen, rejected, node.has("margin") && node.get("margin").isNumber()
                    ? node.get("margin").asDouble() : null, line);
            seen.putIfAbsent(pair.hash(), line);
            pairs.add(pair);
        }
        if (pairs.isEmpty() && problems.isEmpty()) {
            problems.add("the file has no pairs");
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("invalid_file", "Nothing was imported (" + Counts.of(problems.size(), "problem")
                    + "; fix " + (problems.size() == 1 ? "it" : "them") + " and send the file again): "
                    + String.join("; ", problems.subList(0, Math.min(20, problems.size()))) + ".");
        }
        String batch = UUID.randomUUID().toString();
        int imported = 0;
        for (Pair p : pairs) {
            imported += em.createNativeQuery("insert into imported_preferences (prompt, chosen, rejected, margin, batch, created_by, "
                            + "pair_hash) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (pair_hash) do nothing")
                    .setParameter(1, p.prompt()).setParameter(2, p.chosen()).setParameter(3, p.rejected())
                    .setParameter(4, p.margin() == null ? null : p.margin().floatValue()).setParameter(5, batch)
                    .setParameter(6, user).setParameter(7, p.hash()).executeUpdate();
        }
        audit.record(user, "preferences.import", Counts.of(imported, "preference pair"),
                Map.of("batch", batch, "duplicates", pairs.size() - imported));
        return new Imported(imported, pairs.size() - imported, batch);
    }

    /** A field as text: a string, or in the conversational form the content of the last message with {@code role}. */
    private static String text(JsonNode node, String field, String role, int line, List<String> problems) {
        JsonNode value = node.path(field);
        String text = null;
        if (value.isTextual()) {
            text = value.asText();
        } else if (value.isArray()) {
            for (JsonNode message : value) {
                if (role.equals(message.path("role").asText()) && message.path("content").isTextual()) {
                    text = message.path("content").asText();
                }
            }
            if (text == null) {
                problems.add("line " + line + ": '" + field + "' as messages needs one whose role is '" + role
                        + "' and whose content is a string");
                return null;
            }
        }
        if (text == null || !PlainText.showsSomething(text)) {
            problems.add("line " + line + ": '" + field + "' must be a non-empty string, or a list of chat messages");
            return null;
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            problems.add("line " + line + ": '" + field + "' is longer than " + MAX_TEXT_LENGTH + " characters");
            return null;
        }
        if (!JsonStrictness.storable(text)) {
            problems.add("line " + line + ": '" + field + "' contains a NUL character or half of a surrogate pair");
            return null;
        }
        return text;
    }
}
