package dev.loopwise.alignment.preference;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;

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

    @Inject
    EntityManager em;

    private Boolean pairs;
    private Boolean thumbs;

    /** A reviewer's strict choice of the better reply, or an imported pair: what the pairs files hold. */
    public boolean pairs() {
        if (pairs == null) {
            pairs = exists("select exists (select 1 from judgements where choice in ('1', '2'))"
                    + " or exists (select 1 from imported_preferences)");
        }
        return pairs;
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
