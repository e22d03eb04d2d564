package dev.loopwise.alignment.round;

import dev.loopwise.review.judging.ReviewService;
import dev.loopwise.review.item.ReviewView;
import dev.loopwise.review.ScratchTickets;
import dev.loopwise.review.judging.Submission;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.user.User;
import dev.loopwise.security.user.UserService;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.UUID;

/** Reviewers with a consistent taste: the shorter reply is better. */
public final class Judgements {
    private Judgements() {
    }

    /**
     * Has three fresh reviewers judge {@code count} items in all; returns how many were judged. First adds
     * {@code count} unlabelled tickets (labelled ones' texts, tagged with the run), since earlier tests in the suite
     * may have had every imported ticket reviewed already and the queue would run dry. The reviewers go after the test
     * with their judgements ({@link ScratchAccounts}), the tickets with their review items ({@link ScratchTickets}).
     */
    public static int judgeShorterIsBetter(ReviewService review, UserService users, int count) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(EntityManager.class).get().createNativeQuery("""
                insert into tickets (text, text_hash, source)
                select tagged, encode(sha256(convert_to(tagged, 'UTF8')), 'hex'), 'import'
                from (select text || ' (' || ?1 || ')' as tagged from tickets where intent_id is not null order by random() limit ?2) t""")
                .setParameter(1, run).setParameter(2, count).executeUpdate());
        ScratchTickets.taggedWith(run);
        User[] reviewers = new User[3];
        for (int i = 0; i < 3; i++) {
            reviewers[i] = ScratchAccounts.user(users.create("taste" + run + i, "long-enough-pw", "reviewer", null));
        }
        int judged = 0;
        for (int n = 0; n < count; n++) {
            User reviewer = reviewers[n % 3];
            Optional<ReviewView> item = review.next(reviewer.id);
            if (item.isEmpty()) {
                break;
            }
            ReviewView view = item.get();
            String choice = view.candidates().get(0).text().length() <= view.candidates().get(1).text().length() ? "A" : "B";
            review.submit(reviewer.id, reviewer.username, view.itemId(), new Submission(choice, null, null, null, 3000));
            judged++;
        }
        return judged;
    }
}
