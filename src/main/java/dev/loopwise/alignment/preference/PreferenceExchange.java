package dev.loopwise.alignment.preference;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.privacy.ReviewerPrivacy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Preference data in the formats other trainers read: TRL/OpenRLHF pairs
 * ({@code {"prompt","chosen","rejected","margin"}}) and KTO rows ({@code {"prompt","completion","label"}}),
 * out of Loopwise a page at a time (pairs come in through {@link PreferenceImport}). Each page is read in its own short
 * transaction and written after it ended: a download takes as long as its client reads (a conversational export, also as
 * long as its tickets take to encode), and one transaction around all of it held a connection that long and was rolled
 * back by the transaction timeout a minute in, cutting the file off.
 */
@ApplicationScoped
public class PreferenceExchange {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;
    @Inject
    ReviewerPrivacy privacy;

    /** Rows read per query: an export of any size holds one page in memory, not every judgement. */
    static final int PAGE = 1000;

    /** Writes what it is given; may fail like the stream it writes to. */
    @FunctionalInterface
    interface PageWriter {
        void write(List<Object[]> rows) throws IOException;
    }

    /** Strict preferences as reviewers saw them (replies with slots filled, personal data masked), then imported pairs. */
    public void writeTrl(OutputStream out) throws IOException {
        pairs(rows -> {
            for (Object[] r : rows) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("prompt", privacy.mask((String) r[0]));
                line.put("chosen", r[1]);
                line.put("rejected", r[2]);
                // On every row, 0 where no stars were given (what rounds read for those): TRL's reward collator takes every
                // row's margin once the first row has one, and a row without it stopped training; a margin of 0 is the
                // loss without one. The Hugging Face JSON loader also refuses a column first seen past its first block.
                line.put("margin", r[3] == null ? 0.0 : ((Number) r[3]).doubleValue());
                out.write(JSON.writeValueAsBytes(line));
                out.write('\n');
            }
        });
    }

    /**
     * Pages of (ticket, chosen, rejected, margin or null, id): strict judgements, then imported pairs; the replies masked,
     * the ticket not yet (the conversational export searches the knowledge base with it as written). Pairs whose replies
     * masking makes the same words (two replies that differed only in, say, a phone number) are left out: they teach
     * nothing, and the import, which refuses such a pair, must read the file back.
     */
    void pairs(PageWriter each) throws IOException {
        PageWriter teaching = rows -> each.write(rows.stream()
                .map(r -> new Object[] {r[0], privacy.mask((String) r[1]), privacy.mask((String) r[2]), r[3], r[4]})
                .filter(r -> !PreferencePair.sameWords((String) r[1], (String) r[2])).toList());
        pairsAsStored(teaching);
    }

    /**
     * A reviewer's miss on a gold item is a preference known to be wrong: it counts against the reviewer's reliability,
     * but a trainer reading it would learn the opposite of the team's answer, so the file leaves it out.
     */
    private void pairsAsStored(PageWriter each) throws IOException {
        pages("""
                select i.ticket_text,
                       case when j.choice = '1' then i.reply1_text else i.reply2_text end,
                       case when j.choice = '1' then i.reply2_text else i.reply1_text end,
                       case when j.rating1 is not null and j.rating2 is not null
                            then greatest(0, case when j.choice = '1' then j.rating1 - j.rating2 else j.rating2 - j.rating1 end) / 4.0 end,
                       j.id
                from judgements j join review_items i on i.id = j.item_id where j.choice in ('1', '2')
                  and (i.kind <> 'gold' or j.choice = i.gold_choice) and j.id > ?1
                order by j.id limit ?2""", each);
        pages("select prompt, chosen, rejected, margin, id from imported_preferences where id > ?1 order by id limit ?2", each);
    }

    /** Thumbs up/down on served replies as KTO rows (label true for up). */
    public void writeKto(OutputStream out) throws IOException {
        thumbs(rows -> {
            for (Object[] r : rows) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("prompt", privacy.mask((String) r[0]));
                line.put("completion", privacy.mask((String) r[1]));
                line.put("label", "up".equals(r[2]));
                out.write(JSON.writeValueAsBytes(line));
                out.write('\n');
            }
        });
    }

    /** Pages of (ticket, served reply, "up" or "down", id) of the rated served replies; not masked yet. */
    void thumbs(PageWriter each) throws IOException {
        pages("""
                select s.text, s.reply_text, f.rating, f.id from feedback f join served_requests s on s.id = f.request_id
                where s.reply_text is not null and s.text <> '' and f.id > ?1 order by f.id limit ?2""", each);
    }

    /** Runs a query whose last column is the id it is ordered by, a page at a time, each page after the last one's id. */
    @SuppressWarnings("unchecked")
    private void pages(String query, PageWriter each) throws IOException {
        long after = 0;
        while (true) {
            long from = after;
            List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(query).setParameter(1, from)
                    .setParameter(2, PAGE).getResultList());
            if (rows.isEmpty()) {
                return;
            }
            each.write(rows);
            Object[] last = rows.get(rows.size() - 1);
            after = ((Number) last[last.length - 1]).longValue();
            if (rows.size() < PAGE) {
                return;
            }
        }
    }
}
