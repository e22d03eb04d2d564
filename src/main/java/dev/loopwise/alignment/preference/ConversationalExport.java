package dev.loopwise.alignment.preference;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.alignment.AlignmentConfig;
import dev.loopwise.knowledge.KnowledgeSearch;
import dev.loopwise.knowledge.Passage;
import dev.loopwise.privacy.ReviewerPrivacy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Preference data in TRL's conversational form, for training the team's own LLM: {@code prompt} is a list of
 * messages (the system message with the instructions and the ticket's knowledge-base passages, then the ticket as
 * the user's), {@code chosen}/{@code rejected} (DPO) or {@code completion} + {@code label} (KTO) are assistant messages.
 * Tickets and replies are masked as in every export; passages are the team's own articles and are left as written.
 */
@ApplicationScoped
public class ConversationalExport {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Distinct tickets searched per encoder call. */
    private static final int SEARCH_CHUNK = 256;

    @Inject
    PreferenceExchange exchange;
    @Inject
    ReviewerPrivacy privacy;
    @Inject
    KnowledgeSearch knowledge;
    @Inject
    AlignmentConfig config;

    /** Pairs for DPOTrainer: {"prompt": [system, user], "chosen": [assistant], "rejected": [assistant]}. */
    public void writeDpo(OutputStream out) throws IOException {
        exchange.pairs(rows -> write(out, rows, r -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("chosen", List.of(message("assistant", (String) r[1])));
            line.put("rejected", List.of(message("assistant", (String) r[2])));
            return line;
        }));
    }

    /** Unpaired rows for KTOTrainer: {"prompt": [system, user], "completion": [assistant], "label": true for thumbs up}. */
    public void writeKto(OutputStream out) throws IOException {
        exchange.thumbs(rows -> write(out, rows, r -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("completion", List.of(message("assistant", privacy.mask((String) r[1]))));
            line.put("label", "up".equals(r[2]));
            return line;
        }));
    }

    /** Rows whose first column is the ticket; {@code rest} gives the fields after the prompt. */
    private void write(OutputStream out, List<Object[]> rows, Function<Object[], Map<String, Object>> rest) throws IOException {
        for (int from = 0; from < rows.size(); from += SEARCH_CHUNK) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + SEARCH_CHUNK));
            Map<String, List<Passage>> grounding = grounding(chunk.stream().map(r -> (String) r[0]).distinct().toList());
            for (Object[] r : chunk) {
                String ticket = (String) r[0];
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("prompt", prompt(config.exportInstructions(), grounding.get(ticket), privacy.mask(ticket)));
                line.putAll(rest.apply(r));
                out.write(JSON.writeValueAsBytes(line));
                out.write('\n');
            }
        }
    }

    private Map<String, List<Passage>> grounding(List<String> tickets) {
        Map<String, List<Passage>> out = new HashMap<>();
        // The unmasked ticket finds its passages best; only the ticket's masked form leaves Loopwise.
        List<List<Passage>> found = knowledge.searchAll(tickets, config.exportPassages());
        for (int i = 0; i < tickets.size(); i++) {
            out.put(tickets.get(i), found.get(i));
        }
        return out;
    }

    /**
     * The system message — the instructions, then the passages numbered with their article titles — and the ticket as the
     * user's. With the instructions set empty and no passage found there is no system message: an empty one still puts an
     * empty system block in many chat templates, or replaces the default one the model was tuned with.
     */
    static List<Map<String, String>> prompt(String instructions, List<Passage> passages, String ticket) {
        StringBuilder text = new StringBuilder(instructions == null ? "" : instructions.strip());
        if (passages != null && !passages.isEmpty()) {
            text.append(text.isEmpty() ? "" : "\n\n").append("Knowledge-base passages:");
            for (int i = 0; i < passages.size(); i++) {
                text.append("\n[").append(i + 1).append("] ").append(passages.get(i).articleTitle()).append(": ").append(passages.get(i).text());
            }
        }
        return text.isEmpty() ? List.of(message("user", ticket)) : List.of(message("system", text.toString()), message("user", ticket));
    }

    private static Map<String, String> message(String role, String content) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("role", role);
        m.put("content", content);
        return m;
    }
}
