package dev.loopwise.alignment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.common.JsonLines;
import dev.loopwise.audit.AuditLog;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.Counts;
import dev.loopwise.common.JsonStrictness;
import dev.loopwise.privacy.ReviewerPrivacy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Preference data in the formats other trainers read: TRL/OpenRLHF pairs
 * ({@code {"prompt","chosen","rejected","margin"?}}) and KTO rows ({@code {"prompt","completion","label"}}),
 * out of Loopwise and, for pairs, into it.
 */
@ApplicationScoped
public class PreferenceExchange {
    @jakarta.inject.Inject
    AuditLog audit;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;
    @Inject
    ReviewerPrivacy privacy;

    public record Imported(int imported, String batch) {
    }

    /** Strict preferences as reviewers saw them (replies with slots filled, personal data masked), then imported pairs. */
    @Transactional
    public void writeTrl(OutputStream out) throws IOException {
        for (Object[] r : pairs()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("prompt", privacy.mask((String) r[0]));
            line.put("chosen", privacy.mask((String) r[1]));
            line.put("rejected", privacy.mask((String) r[2]));
            if (r[3] != null) {
                line.put("margin", ((Number) r[3]).doubleValue());
            }
            out.write(JSON.writeValueAsBytes(line));
            out.write('\n');
        }
    }

    /** (ticket, chosen, rejected, margin or null): strict judgements, then imported pairs; not masked yet. */
    @SuppressWarnings("unchecked")
    List<Object[]> pairs() {
        List<Object[]> rows = em.createNativeQuery("""
                select i.ticket_text,
                       case when j.choice = '1' then i.reply1_text else i.reply2_text end,
                       case when j.choice = '1' then i.reply2_text else i.reply1_text end,
                       case when j.rating1 is not null and j.rating2 is not null
                            then greatest(0, case when j.choice = '1' then j.rating1 - j.rating2 else j.rating2 - j.rating1 end) / 4.0 end
                from judgements j join review_items i on i.id = j.item_id where j.choice in ('1', '2') order by j.id""").getResultList();
        rows.addAll(em.createNativeQuery("select prompt, chosen, rejected, margin from imported_preferences order by id").getResultList());
        return rows;
    }

    /** Thumbs up/down on served replies as KTO rows (label true for up). */
    @Transactional
    public void writeKto(OutputStream out) throws IOException {
        for (Object[] r : thumbs()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("prompt", privacy.mask((String) r[0]));
            line.put("completion", privacy.mask((String) r[1]));
            line.put("label", "up".equals(r[2]));
            out.write(JSON.writeValueAsBytes(line));
            out.write('\n');
        }
    }

    /** (ticket, served reply, "up" or "down") of every rated served reply; not masked yet. */
    @SuppressWarnings("unchecked")
    List<Object[]> thumbs() {
        return em.createNativeQuery("""
                select s.text, s.reply_text, f.rating from feedback f join served_requests s on s.id = f.request_id
                where s.reply_text is not null and s.text <> '' order by f.id""").getResultList();
    }

    /** As long as an imported ticket may be. */
    static final int MAX_TEXT_LENGTH = 20_000;
    /**
     * The reward model's loss is −log σ(r_chosen − r_rejected − margin): rewards live within a few units, so a larger
     * margin cannot be met and only pushes the loss towards infinity.
     */
    static final double MAX_MARGIN = 10;

    /** Imports TRL JSONL all or nothing. */
    @Transactional
    public Imported importTrl(String body, String user) throws IOException {
        List<String> problems = new ArrayList<>();
        List<Object[]> pairs = new ArrayList<>();
        BufferedReader lines = new BufferedReader(new StringReader(body == null ? "" : body));
        String text;
        int line = 0;
        while ((text = lines.readLine()) != null) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JsonLines.read(text);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                problems.add("line " + line + ": not valid JSON (" + JsonLines.problem(e) + ")");
                continue;
            }
            for (String field : new String[] {"prompt", "chosen", "rejected"}) {
                if (!node.path(field).isTextual() || node.path(field).asText().isBlank()) {
                    problems.add("line " + line + ": '" + field + "' must be a non-empty string");
                } else if (node.path(field).asText().length() > MAX_TEXT_LENGTH) {
                    problems.add("line " + line + ": '" + field + "' is longer than " + MAX_TEXT_LENGTH + " characters");
                } else if (!JsonStrictness.storable(node.path(field).asText())) {
                    problems.add("line " + line + ": '" + field + "' contains a NUL character or half of a surrogate pair");
                }
            }
            if (node.path("chosen").isTextual() && node.path("chosen").asText().equals(node.path("rejected").asText())) {
                problems.add("line " + line + ": 'chosen' and 'rejected' are the same reply, which teaches no preference");
            }
            if (node.has("margin") && !(node.get("margin").isNumber() && node.get("margin").asDouble() >= 0
                    && node.get("margin").asDouble() <= MAX_MARGIN)) {
                problems.add("line " + line + ": 'margin' must be a number from 0 to " + (int) MAX_MARGIN
                        + " (how much more the chosen reply is preferred)");
            }
            pairs.add(new Object[] {node.path("prompt").asText(), node.path("chosen").asText(), node.path("rejected").asText(),
                    node.has("margin") && node.get("margin").isNumber() ? node.get("margin").asDouble() : null});
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
        for (Object[] p : pairs) {
            em.createNativeQuery("insert into imported_preferences (prompt, chosen, rejected, margin, batch, created_by) "
                    + "values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, p[0]).setParameter(2, p[1]).setParameter(3, p[2])
                    .setParameter(4, p[3] == null ? null : ((Double) p[3]).floatValue()).setParameter(5, batch).setParameter(6, user)
                    .executeUpdate();
        }
        audit.record(user, "preferences.import", Counts.of(pairs.size(), "preference pair"), Map.of("batch", batch));
        return new Imported(pairs.size(), batch);
    }
}
