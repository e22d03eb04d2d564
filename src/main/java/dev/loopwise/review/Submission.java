package dev.loopwise.review;

import dev.loopwise.common.ApiException;
import java.util.Map;

/**
 * A reviewer's answer as sent: {@code choice} A, B, tie, both_bad or skip (with {@code reason}),
 * optional 1–5 {@code ratings} of A and B, an optional better {@code rewrite}, and how long it took.
 */
public record Submission(String choice, Map<String, Integer> ratings, String rewrite, String reason, Integer durationMs) {
    static final int MAX_REWRITE = 4000;

    void validate() {
        if (choice == null || !java.util.Set.of("A", "B", "tie", "both_bad", "skip").contains(choice)) {
            throw ApiException.badRequest("invalid_choice", "choice must be A, B, tie, both_bad or skip.");
        }
        if (ratings != null) {
            ratings.forEach((letter, stars) -> {
                if (!letter.equals("A") && !letter.equals("B")) {
                    throw ApiException.badRequest("invalid_rating", "ratings are given for A and B only, not '" + letter + "'.");
                }
                if (stars == null || stars < 1 || stars > 5) {
                    throw ApiException.badRequest("invalid_rating", "A rating is 1 to 5 stars.");
                }
            });
        }
        if (rewrite != null && rewrite.length() > MAX_REWRITE) {
            throw ApiException.badRequest("rewrite_too_long", "A rewrite has at most " + MAX_REWRITE + " characters.");
        }
        if (choice.equals("skip") && (reason == null || reason.isBlank())) {
            throw ApiException.badRequest("reason_required", "Say why you skip (for example: not a support request).");
        }
        if (durationMs != null && durationMs < 0) {
            throw ApiException.badRequest("invalid_duration", "durationMs cannot be negative.");
        }
    }
}
