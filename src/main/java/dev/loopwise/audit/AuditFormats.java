package dev.loopwise.audit;

import dev.loopwise.common.LifecycleMessages;
import io.quarkus.qute.TemplateExtension;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How an audit entry reads on the audit page: a sentence in plain words, and its details. */
@TemplateExtension
public class AuditFormats {
    /** What each action code means, as a verb phrase before its target; unknown codes are shown as they are. */
    private static final Map<String, String> VERBS = Map.ofEntries(
            Map.entry("model.promote", "promoted"),
            Map.entry("model.rollback", "rolled back to"),
            Map.entry("training.start", "started"),
            Map.entry("training.cancel", "cancelled"),
            Map.entry("round.start", "started"),
            Map.entry("round.cancel", "cancelled"),
            Map.entry("drift.approve", "approved the round asked for by"),
            Map.entry("drift.dismiss", "dismissed"),
            Map.entry("user.add", "added"),
            Map.entry("user.role_change", "changed the role of"),
            Map.entry("user.disable", "disabled"),
            Map.entry("user.enable", "enabled"),
            // Only the display name changes: a username never does, so "renamed" would say the sign-in name changed.
            Map.entry("user.rename", "changed the display name of"),
            Map.entry("user.password_reset", "set a new password for"),
            Map.entry("key.create", "created"),
            Map.entry("key.revoke", "revoked"),
            Map.entry("tickets.import", "imported"),
            Map.entry("preferences.import", "imported"),
            Map.entry("intent.create", "created"),
            Map.entry("intent.edit", "edited"),
            Map.entry("intent.remove", "removed"),
            Map.entry("intent.merge", "merged into another intent"),
            Map.entry("reply.create", "added"),
            Map.entry("reply.edit", "edited"),
            Map.entry("reply.retire", "retired"),
            Map.entry("reply.propose", "proposed from agents' answers:"),
            Map.entry("rewrite.accept", "accepted the rewrite as"),
            Map.entry("rewrite.discard", "discarded the rewrite"),
            Map.entry("review.gold", "fixed the gold answer of"),
            Map.entry("review.compare_start", "asked reviewers to compare"),
            Map.entry("review.compare_stop", "stopped reviewers comparing"),
            Map.entry("knowledge.import", "imported into the knowledge base:"),
            Map.entry("knowledge.import.queued", "started a background import:"),
            Map.entry("knowledge.import.cancel", "cancelled"),
            Map.entry("knowledge.delete", "deleted from the knowledge base:"),
            Map.entry("ticket.label", "labelled"),
            Map.entry("drift.replay", "replayed through the answering pipeline:"),
            Map.entry("drift.replay.queued", "started a background replay:"),
            Map.entry("drift.replay.cancel", "cancelled"),
            Map.entry("review.make_items", "made review items:"));
    /** Actions whose target adds nothing to say: the whole phrase. */
    private static final Map<String, String> PHRASES = Map.of(
            "llm.settings", "changed the LLM connection",
            "llm.settings.reset", "went back to the LLM connection from the configuration");
    /** Detail keys whose words alone would not say what they count, in the words of the page that did it. */
    private static final Map<String, String> KEYS = Map.of(
            "labelledExisting", "tickets already here without an intent that it labelled");
    private static final int MAX_DETAIL = 160;
    /** The keys of a change, in the order a reader follows it; other keys keep their place after them. */
    private static final List<String> CHANGE_ORDER = List.of("from", "to");

    static String sentence(AuditEvent event) {
        String verb = VERBS.get(event.action);
        String target = pageWords(event.target);
        String phrase = PHRASES.containsKey(event.action) ? PHRASES.get(event.action)
                : verb == null ? event.action + ": " + target : verb + " " + target;
        return Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1) + ".";
    }

    /**
     * A target in the words of the pages it points to: the stored target keeps the API's name ("alignment round 4"), which
     * the pages call an improvement round.
     */
    private static String pageWords(String target) {
        return target != null && target.startsWith("alignment round ") ? "improvement round " + target.substring(16) : target;
    }

    /** Whether the page reads this action as a sentence (rather than showing its code). */
    static boolean reads(String action) {
        return VERBS.containsKey(action) || PHRASES.containsKey(action);
    }

    static String detailText(AuditEvent event) {
        if (event.details == null || event.details.isEmpty()) {
            return "";
        }
        if ("round.start".equals(event.action)) {
            return roundSettings(event.details);
        }
        if ("model.promote".equals(event.action) || "model.rollback".equals(event.action)) {
            return switchWords(event.details);
        }
        // Keys read as words ("newIntents" → "new intents"); a detail with nothing in it is no detail.
        // A change's "from" before its "to": the details come back from the database with the shorter key first.
        String text = event.details.entrySet().stream().filter(e -> !empty(e.getValue()))
                .sorted(Comparator.comparingInt(e -> changeRank(e.getKey())))
                .map(e -> e.getKey().equals("regime") && "training.start".equals(event.action)
                        // The Train form's own words: the stored code ("linear") is not what the lead chose from.
                        ? "how it learns: " + LifecycleMessages.regimeWords(String.valueOf(e.getValue()))
                        : KEYS.getOrDefault(e.getKey(), e.getKey().replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ')
                        .toLowerCase(Locale.ROOT)) + ": " + valueText(e.getKey(), e.getValue())).collect(Collectors.joining("; "));
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
    }

    /**
     * A round's settings as its start form names them; the checks' thresholds and the reward model's sizes are for ML
     * engineers, on the round's page.
     */
    private static String roundSettings(Map<String, Object> details) {
        List<String> parts = new ArrayList<>();
        Object method = details.get("method");
        if (method != null) {
            parts.add("how it learns: " + ("dpo".equals(method) ? "directly from the reviewers' pairs of replies"
                    : "from a model of what reviewers prefer"));
        }
        if (details.get("beta") != null) {
            parts.add("how close to stay to the active version (β): " + details.get("beta"));
        }
        Object reward = details.get("rewardModel");
        if (reward != null) {
            parts.add("reward model: " + switch (String.valueOf(reward)) {
                case "vector" -> "quick";
                case "cross" -> "thorough";
                case "auto" -> "automatic";
                default -> String.valueOf(reward);
            });
        }
        if (details.get("policyEpochs") != null) {
            parts.add("policy epochs: " + details.get("policyEpochs"));
        }
        if (details.get("seed") != null) {
            parts.add("seed: " + details.get("seed"));
        }
        return parts.isEmpty() ? "" : String.join("; ", parts) + "; the rest on the round's page";
    }

    /** Why the answering version changed; a promotion or rollback by hand says it in its sentence already. */
    private static String switchWords(Map<String, Object> details) {
        String why = switch (String.valueOf(details.get("reason"))) {
            case "first model" -> "the first version trained";
            case "alignment" -> "a round showed it picks the replies reviewers prefer more often";
            default -> "";
        };
        Object before = details.get("previousVersion");
        String was = before == null ? "" : "the version answering before: v" + before;
        return why.isEmpty() ? was : was.isEmpty() ? why : why + "; " + was;
    }

    /** Stored codes as words: a gold answer "1" is reply 1, "both_bad" both bad, a key's limit 0 none; other values as they are. */
    private static String valueText(String key, Object value) {
        // A list reads as names with commas, not as Java prints it ("[payment_methods, refunds]").
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        String text = String.valueOf(value);
        if (key.equals("answer") && (text.equals("1") || text.equals("2"))) {
            return "reply " + text + " is better";
        }
        // A key's own limit of 0 is none at all, not a key that may send nothing.
        if (key.equals("requestsPerMinute") && text.equals("0")) {
            return "no limit";
        }
        return text.matches("[a-z]+(_[a-z]+)+") ? text.replace('_', ' ') : text;
    }

    private static int changeRank(String key) {
        int rank = CHANGE_ORDER.indexOf(key);
        return rank < 0 ? CHANGE_ORDER.size() : rank;
    }

    private static boolean empty(Object value) {
        return value == null || value instanceof Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty()
                || value instanceof String text && text.isBlank();
    }
}
