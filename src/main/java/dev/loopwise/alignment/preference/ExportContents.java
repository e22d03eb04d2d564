package dev.loopwise.alignment.preference;

import dev.loopwise.privacy.ReviewerPrivacy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Whether the preference downloads hold anything, for the page that offers them ({@code {inject:exportContents.pairs}}):
 * a support lead handed an empty file cannot tell "nothing yet" from "broken", so the page says which is empty and what
 * fills it. Each answer is one bounded look (the first matching row), asked once per request.
 */
@RequestScoped
@Named("exportContents")
public class ExportContents {
    /** How many of the newest thumbs are looked at for one whose request still has its text. */
    static final int RECENT_THUMBS = 500;
    /** How many of the newest strict choices are looked at for one the pairs files keep. */
    static final int RECENT_PAIRS = 200;

    @Inject
    EntityManager em;
    @Inject
    ReviewerPrivacy privacy;

    private Boolean pairs;
    private Boolean thumbs;

    /**
     * An imported pair, or a reviewer's strict choice of the better reply that the pairs files keep (as
     * {@link PreferenceExchange} writes them): not a miss on a gold item, and not two replies that read the same once
     * masked. Offering the download on a choice the file leaves out hands the lead an empty file.
     */
    public boolean pairs() {
        if (pairs == null) {
            pairs = exists("select exists (select 1 from imported_preferences)") || keptChoice();
        }
        return pairs;
    }

    /** Reviewers made strict choices, yet the pairs files would hold none of them: the page says why, not just "none yet". */
    public boolean pairsLeftOut() {
        return !pairs() && exists("select exists (select 1 from judgements where choice in ('1', '2'))");
    }

    private boolean keptChoice() {
        // The same rows as PreferenceExchange's pairs, newest first and bounded: past that many choices, one is kept.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select i.reply1_text, i.reply2_text from judgements j join review_items i on i.id = j.item_id
                where j.choice in ('1', '2') and (i.kind <> 'gold' or j.choice = i.gold_choice)
                order by j.id desc limit ?1""").setParameter(1, RECENT_PAIRS + 1).getResultList();
        return rows.size() > RECENT_PAIRS || rows.stream()
                .anyMatch(r -> !PreferencePair.sameWords(privacy.mask((String) r[0]), privacy.mask((String) r[1])));
    }

    /** A customer's thumbs up or down on a served reply: what the thumbs files hold (as {@link PreferenceExchange} reads them). */
    public boolean thumbs() {
        if (thumbs == null) {
            // Retention blanks old requests' text first, so the newest thumbs are the ones that can still have it: looking
            // only at those keeps the look bounded once years of thumbs point at blanked requests.
            thumbs = exists("select exists (select 1 from (select request_id from feedback order by id desc limit "
                    + RECENT_THUMBS + ") f join served_requests s on s.id = f.request_id where s.reply_text is not null and s.text <> '')");
        }
        return thumbs;
    }

    private boolean exists(String query) {
        return (Boolean) em.createNativeQuery(query).getSingleResult();
    }
}
