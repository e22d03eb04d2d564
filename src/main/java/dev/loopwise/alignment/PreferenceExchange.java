package dev.loopwise.alignment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.audit.AuditLog;
import dev.loopwise.privacy.ReviewerPrivacy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
}
