package dev.loopwise.alignment;

import dev.loopwise.review.ReviewService;
import dev.loopwise.review.ReviewView;
import dev.loopwise.review.Submission;
import dev.loopwise.security.User;
import dev.loopwise.security.UserService;
import java.util.Optional;
import java.util.UUID;

/** Reviewers with a consistent taste: the shorter reply is better. */
final class Judgements {
    private Judgements() {
    }

    /** Has three fresh reviewers judge {@code count} items in all; returns how many were judged. */
    static int judgeShorterIsBetter(ReviewService review, UserService users, int count) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        User[] reviewers = new User[3];
        for (int i = 0; i < 3; i++) {
            reviewers[i] = users.create("taste" + run + i, "long-enough-pw", "reviewer", null);
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
