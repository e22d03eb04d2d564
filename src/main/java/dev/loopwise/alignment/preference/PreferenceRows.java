package dev.loopwise.alignment.preference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopwise.common.FileMessages;
import dev.loopwise.common.file.Place;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Preference rows in the shapes public preference sets come in, each read as a ticket and a preferred and a rejected
 * reply. The ticket is the last user turn, a reply the last assistant turn, as {@code /v1/chat/completions} reads a
 * conversation:
 * <ul>
 * <li>TRL's explicit prompt: {@code prompt}, {@code chosen}, {@code rejected} as text or as chat messages
 * (Loopwise's own {@code trl} and {@code trl-chat} exports, UltraFeedback);</li>
 * <li>TRL's implicit prompt: only {@code chosen} and {@code rejected}, whole conversations as messages, or as
 * {@code Human:}/{@code Assistant:} text (Anthropic HH);</li>
 * <li>TRL's unpaired form: {@code prompt}, {@code completion}, {@code label} (KTO) — a good and a bad completion of
 * the same prompt make a pair;</li>
 * <li>other common names: {@code question}/{@code response_j}/{@code response_k} (StackExchange pairs), {@code history}/
 * {@code human_ref_A}/{@code human_ref_B}/{@code labels} (SHP, 1 when A is preferred);</li>
 * <li>OpenAI's preference fine-tuning rows: {@code input.messages}, {@code preferred_output}, {@code non_preferred_output}
 * (each a list of one assistant message).</li>
 * </ul>
 */
final class PreferenceRows {
    /** As long as an imported ticket may be. */
    static final int MAX_TEXT_LENGTH = 20_000;
    static final String SHAPES = "each row needs 'prompt', 'chosen' and 'rejected' (text or chat messages, as TRL and UltraFeedback"
            + " write them), or only 'chosen' and 'rejected' as one conversation (chat messages, or 'Human:'/'Assistant:' text as"
            + " Anthropic's HH-RLHF), or 'prompt', 'completion' and a true/false 'label' (KTO), or 'question', 'response_j' and"
            + " 'response_k' (StackExchange pairs), or 'history', 'human_ref_A', 'human_ref_B' and 'labels' (SHP), or 'input'"
            + " with its 'messages', 'preferred_output' and 'non_preferred_output' (OpenAI's preference fine-tuning)";
    /** Every field some shape above reads (and {@code margin}); others are reported as not read, so a misspelt one shows. */
    static final Set<String> READ = Set.of("prompt", "question", "history", "instruction", "query", "chosen",
            "rejected", "response_j", "response_k", "chosen_response", "rejected_response", "human_ref_A", "human_ref_B", "labels",
            "completion", "label", "margin", "input", "preferred_output", "non_preferred_output");
    private static final String HUMAN = "Human:";
    private static final String ASSISTANT = "Assistant:";

    private PreferenceRows() {
    }

    record Row(String prompt, String chosen, String rejected, Double margin, Place line) {
    }

    /** A KTO row: one completion, good or bad. */
    record Unpaired(String prompt, String completion, boolean desirable, Place line) {
    }

    /**
     * The row without its fields given as null: in JSON an explicit null for an optional field means it is absent, as
     * exporters write {@code "margin": null} for a pair without one (a required field left null is then told missing).
     * A field is read under its name in any case and with spaces around it ({@code "Prompt"}, {@code " chosen"}), as a
     * ticket file's columns and a knowledge file's keys are: spreadsheets and hand-written exporters capitalise names,
     * and a row refused for its capitals would name every shape but the one it has. A row that also has the name itself
     * (or an earlier spelling of it)
     * keeps that one, and the other stays as written, so it is reported as not read.
     */
    static JsonNode withoutNulls(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            return node;
        }
        ObjectNode kept = object.objectNode();
        object.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                String name = readName(field.getKey());
                boolean taken = !field.getKey().equals(name) && (object.hasNonNull(name) || kept.has(name));
                kept.set(name == null || taken ? field.getKey() : name, field.getValue());
            }
        });
        return kept;
    }

    /**
     * The field some shape reads under {@code name}, ignoring case and spaces around it, or null. Only ASCII letters fold:
     * equalsIgnoreCase would read the Kelvin sign as {@code k}, a long s as {@code s} and a dotless i as {@code i}, so a
     * name no exporter writes by mistake would be read instead of shown as not read.
     */
    static String readName(String name) {
        String bare = name.strip();
        if (!bare.chars().allMatch(c -> c < 128)) {
            return null;
        }
        String folded = bare.toLowerCase(Locale.ROOT);
        return READ.stream().filter(read -> read.toLowerCase(Locale.ROOT).equals(folded)).findFirst().orElse(null);
    }

    /** A row of the file as a {@link Row} or an {@link Unpaired}, or null after noting in {@code problems} what is wrong. */
    static Object read(JsonNode node, Place line, List<String> problems) {
        if (!node.isObject()) {
            // A null or a number has no fields: "needs 'prompt'..." would send the sender looking for a missing key.
            problems.add(line + ": " + FileMessages.rowNotObject(kind(node)));
            return null;
        }
        int before = problems.size();
        if (node.has("preferred_output") || node.has("non_preferred_output")) {
            return openAi(node, line, problems);
        }
        String prompt = firstPresent(node, "prompt", "question", "history", "instruction", "query");
        if (prompt == null && node.has("chosen") && node.has("rejected")) {
            return implicit(node, line, problems);
        }
        if (prompt != null && node.has("completion") && node.has("label")) {
            String ticket = PreferenceFields.text(node, prompt, "user", line, problems);
            String completion = PreferenceFields.text(node, "completion", "assistant", line, problems);
            if (!node.get("label").isBoolean()) {
                problems.add(line + ": 'label' must be true (a good completion) or false (a bad one)");
            }
            return problems.size() > before ? null : new Unpaired(ticket, completion, node.get("label").asBoolean(), line);
        }
        String chosenField = firstPresent(node, "chosen", "response_j", "chosen_response");
        String rejectedField = firstPresent(node, "rejected", "response_k", "rejected_response");
        if (chosenField == null && node.has("human_ref_A") && node.has("human_ref_B") && node.has("labels")) {
            String label = node.get("labels").isIntegralNumber() || node.get("labels").isTextual() ? node.get("labels").asText() : "";
            if (!label.equals("0") && !label.equals("1")) {
                // Anything else read as "B" would train the reward model on a preference nobody stated.
                problems.add(line + ": 'labels' must be 1 (human_ref_A preferred) or 0 (human_ref_B preferred)");
                return null;
            }
            boolean aPreferred = label.equals("1");
            chosenField = aPreferred ? "human_ref_A" : "human_ref_B";
            rejectedField = aPreferred ? "human_ref_B" : "human_ref_A";
        }
        if (prompt == null || chosenField == null || rejectedField == null) {
            problems.add(line + ": " + SHAPES);
            return null;
        }
        String ticket = PreferenceFields.text(node, prompt, "user", line, problems);
        String chosen = PreferenceFields.text(node, chosenField, "assistant", line, problems);
        String rejected = PreferenceFields.text(node, rejectedField, "assistant", line, problems);
        Double margin = node.path("margin").isNumber() ? node.get("margin").asDouble() : null;
        return problems.size() > before ? null : row(ticket, chosen, rejected, margin, line, problems);
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case NULL, MISSING -> "null";
            case NUMBER -> "a number";
            case STRING -> "text";
            case BOOLEAN -> "true or false";
            case ARRAY -> "an array";
            default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /** OpenAI's preference fine-tuning row: the conversation under {@code input}, each reply a list of assistant messages. */
    private static Object openAi(JsonNode node, Place line, List<String> problems) {
        if (!node.path("input").path("messages").isArray() || !node.has("preferred_output") || !node.has("non_preferred_output")) {
            problems.add(line + ": a row with 'preferred_output' needs 'non_preferred_output' beside it and the conversation as"
                    + " 'input': {\"messages\": [...]}, as OpenAI's preference fine-tuning writes it");
            return null;
        }
        int before = problems.size();
        String ticket = PreferenceFields.text(node.get("input"), "messages", "user", line, problems);
        String chosen = PreferenceFields.text(node, "preferred_output", "assistant", line, problems);
        String rejected = PreferenceFields.text(node, "non_preferred_output", "assistant", line, problems);
        return problems.size() > before ? null : row(ticket, chosen, rejected, null, line, problems);
    }

    private static Object implicit(JsonNode node, Place line, List<String> problems) {
        JsonNode chosen = node.get("chosen");
        JsonNode rejected = node.get("rejected");
        if (chosen.isArray() && rejected.isArray()) {
            if (!conversationUpTo(chosen, lastAssistant(chosen)).equals(conversationUpTo(rejected, lastAssistant(rejected)))) {
                problems.add(line + ": without 'prompt', 'chosen' and 'rejected' must be the same conversation with "
                        + "different last replies, as chat messages or as 'Human:'/'Assistant:' text");
                return null;
            }
            int before = problems.size();
            String ticket = PreferenceFields.text(node, "chosen", "user", line, problems);
            String better = PreferenceFields.text(node, "chosen", "assistant", line, problems);
            String worse = PreferenceFields.text(node, "rejected", "assistant", line, problems);
            return problems.size() > before ? null : row(ticket, better, worse, null, line, problems);
        }
        if (chosen.isTextual() && rejected.isTextual()) {
            String a = chosen.asText();
            String b = rejected.asText();
            int replyA = a.lastIndexOf(ASSISTANT);
            int replyB = b.lastIndexOf(ASSISTANT);
            int turn = replyA < 0 ? -1 : a.lastIndexOf(HUMAN, replyA);
            if (turn < 0 || replyB < 0 || !a.substring(0, replyA).strip().equals(b.substring(0, replyB).strip())) {
                problems.add(line + ": without 'prompt', 'chosen' and 'rejected' must be the same conversation with "
                        + "different last replies, as chat messages or as 'Human:'/'Assistant:' text");
                return null;
            }
            return row(PreferenceFields.checked(a.substring(turn + HUMAN.length(), replyA).strip(), "chosen", line, problems),
                    PreferenceFields.checked(a.substring(replyA + ASSISTANT.length()).strip(), "chosen", line, problems),
                    PreferenceFields.checked(b.substring(replyB + ASSISTANT.length()).strip(), "rejected", line, problems), null, line, problems);
        }
        problems.add(line + ": " + SHAPES);
        return null;
    }

    private static int lastAssistant(JsonNode messages) {
        int last = -1;
        for (int i = 0; i < messages.size(); i++) {
            if ("assistant".equals(messages.get(i).path("role").asText())) {
                last = i;
            }
        }
        return last;
    }

    /** The conversation up to (without) message {@code end}: what both replies of a pair must answer alike. */
    private static List<JsonNode> conversationUpTo(JsonNode messages, int end) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < Math.max(0, end); i++) {
            out.add(messages.get(i));
        }
        return out;
    }

    private static Row row(String prompt, String chosen, String rejected, Double margin, Place line, List<String> problems) {
        if (prompt == null || chosen == null || rejected == null) {
            return null;
        }
        // As a round judges it (PreferencePair.teaches): a pair imported here would otherwise be one the round then calls
        // a reply set against itself.
        if (PreferencePair.sameWords(chosen, rejected)) {
            problems.add(line + ": 'chosen' and 'rejected' are the same reply (case and spacing aside), which teaches no"
                    + " preference");
            return null;
        }
        return new Row(prompt, chosen, rejected, margin, line);
    }

    private static String firstPresent(JsonNode node, String... fields) {
        for (String field : fields) {
            if (node.has(field) && !node.get(field).isNull()) {
                return field;
            }
        }
        return null;
    }
}
