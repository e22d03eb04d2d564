package dev.loopwise.review.judging;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.JudgementMessages;
import dev.loopwise.common.ReviewMessages;
import dev.loopwise.common.text.PlainText;
import dev.loopwise.review.item.Judgement;
import dev.loopwise.ticket.SlotSyntax;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A reviewer's answer as sent: {@code choice} A, B, tie, both_bad, out_of_scope or skip (with {@code reason}),
 * optional 1–5 {@code ratings} of A and B, an optional better {@code rewrite}, and how long it took.
 */
@Schema(description = "A reviewer's judgement of an item from /api/v1/review/next")
public record Submission(
        @Schema(required = true, enumeration = {"A", "B", "tie", "both_bad", "out_of_scope", "skip"}, example = "A",
                description = "A or B: that candidate is the better reply (A is the first of the item's candidates, B the second); tie;"
                        + " both_bad; out_of_scope: support does not answer this ticket with a library reply (it is labelled oos);"
                        + " skip: the reviewer cannot judge it (needs reason)") String choice,
        @Schema(description = "Optional stars, 1 to 5, for A and B, either or both, such as {\"A\": 4, \"B\": 2}; a side given as null is not"
                + " rated; the chosen reply's stars may not be below the other's, a tie's may differ by at most one, both_bad's are at most 3"
                + " each; not with skip", example = "{\"A\": 4, \"B\": 2}")
        Map<String, Integer> ratings,
        @Schema(maxLength = 4000, description = "Optional: a better reply, at most 4,000 characters, slots written as {{name}}; it becomes a pending library reply"
                + " an admin can accept; not with skip or out_of_scope", example = "Hi, your order {{order_number}} left our warehouse"
                + " today. You can follow it here: {{tracking_link}}") String rewrite,
        @Schema(maxLength = 500, description = "Required with skip and taken only with it: why the item was skipped, at most 500 characters",
                example = "The ticket is in German") String reason,
        @Schema(minimum = "0", description = "Optional: milliseconds the reviewer spent on the item (0 or more), for the median time per item",
                example = "8400") Integer durationMs) {
    public static final int MAX_REWRITE = 4000;
    static final int MAX_REASON = 500;
    static final String TIE = "tie";
    static final String BOTH_BAD = "both_bad";
    /** A tie says neither reply is better: one star apart is a shade, two are a preference. */
    static final int MAX_TIE_GAP = 1;
    /** Both bad says neither reply should be sent: 4 stars and up rate a reply as good, 3 as middling. */
    static final int MAX_BAD_STARS = 3;

    public Submission {
        // Any case, as every other choice the API names is taken: the letters upper-case, the words lower-case.
        if (choice != null) {
            String lower = choice.toLowerCase(Locale.ROOT);
            choice = lower.equals("a") || lower.equals("b") ? choice.toUpperCase(Locale.ROOT) : lower;
        }
        // A side sent as null ({"A": 4, "B": null}) is a side not rated, as JSON clients write an optional value left out;
        // the letters in any case, as the choice's. Rebuilt by iterating: an immutable map (Map.of) throws on a null lookup.
        if (ratings != null) {
            Map<String, Integer> given = new LinkedHashMap<>();
            Map<String, Integer> upper = new LinkedHashMap<>();
            ratings.forEach((letter, stars) -> {
                if (stars != null) {
                    given.put(letter, stars);
                    upper.put(letter.toUpperCase(Locale.ROOT), stars);
                }
            });
            // {"A": 5, "a": 1} rates one side twice: kept as sent, so that validate() refuses it rather than keep either.
            ratings = upper.size() == given.size() ? upper : given;
        }
    }

    public void validate() {
        if (choice == null || !Set.of("A", "B", "tie", "both_bad", Judgement.OUT_OF_SCOPE, Judgement.SKIP).contains(choice)) {
            throw ApiException.badRequest("invalid_choice", ReviewMessages.INVALID_CHOICE);
        }
        if (ratings != null) {
            ratings.forEach((letter, stars) -> {
                if (!letter.equals("A") && !letter.equals("B") && (letter.equalsIgnoreCase("A") || letter.equalsIgnoreCase("B"))) {
                    throw ApiException.badRequest("invalid_rating", JudgementMessages.ratedTwice(letter.toUpperCase(Locale.ROOT)));
                }
                if (!letter.equals("A") && !letter.equals("B")) {
                    throw ApiException.badRequest("invalid_rating", JudgementMessages.ratingLetter(letter));
                }
                if (stars == null || stars < 1 || stars > 5) {
                    throw ApiException.badRequest("invalid_rating", JudgementMessages.RATING_RANGE);
                }
            });
        }
        Integer starsA = ratings == null ? null : ratings.get("A");
        Integer starsB = ratings == null ? null : ratings.get("B");
        if (starsA != null && starsB != null && (choice.equals("A") && starsA < starsB || choice.equals("B") && starsB < starsA)) {
            // One of the two answers is a slip; a round would learn from whichever it read.
            throw ApiException.badRequest("contradictory_ratings", JudgementMessages.starsContradict(choice.equals("A") ? "B" : "A"));
        }
        // As with a strict choice: stars that say one reply is clearly better, or a bad one good, make one answer a slip.
        if (starsA != null && starsB != null && choice.equals(TIE) && Math.abs(starsA - starsB) > MAX_TIE_GAP) {
            throw ApiException.badRequest("contradictory_ratings", JudgementMessages.tieStarsApart(starsA, starsB, MAX_TIE_GAP));
        }
        if (choice.equals(BOTH_BAD)) {
            for (String letter : new String[] {"A", "B"}) {
                Integer stars = letter.equals("A") ? starsA : starsB;
                if (stars != null && stars > MAX_BAD_STARS) {
                    throw ApiException.badRequest("contradictory_ratings", JudgementMessages.badReplyRatedWell(letter, stars, MAX_BAD_STARS));
                }
            }
        }
        // Characters as a person counts them (an emoji is one), like every other limit of the API.
        if (rewrite != null && PlainText.length(rewrite) > MAX_REWRITE) {
            throw ApiException.badRequest("rewrite_too_long", ReviewMessages.tooLong("rewrite", PlainText.length(rewrite), MAX_REWRITE));
        }
        String hidden = rewrite == null || !PlainText.showsSomething(rewrite) ? null : PlainText.firstHiddenCharacter(rewrite.strip());
        if (hidden != null) {
            // A rewrite may become a library reply that customers read: say so now, not when an admin accepts it.
            throw ApiException.badRequest("invalid_rewrite", JudgementMessages.rewriteHidden(hidden));
        }
        if (reason != null && PlainText.length(reason) > MAX_REASON) {
            throw ApiException.badRequest("reason_too_long", ReviewMessages.tooLong("skip reason", PlainText.length(reason), MAX_REASON));
        }
        String hiddenInReason = reason == null || !PlainText.showsSomething(reason) ? null : PlainText.firstHiddenCharacter(reason.strip());
        if (hiddenInReason != null) {
            // Reasons are listed to admins on Review quality, where a direction mark would turn the line around.
            throw ApiException.badRequest("invalid_reason", ReviewMessages.reasonHidden(hiddenInReason));
        }
        if (choice.equals("skip") && (reason == null || !PlainText.showsSomething(reason))) {
            throw ApiException.badRequest("reason_required", ReviewMessages.SKIP_REASON_REQUIRED);
        }
        // What does not go with the choice would be stored beside it (stars of a skipped item) or dropped without a word.
        if (choice.equals(Judgement.SKIP) && ratings != null && !ratings.isEmpty()) {
            throw ApiException.badRequest("not_with_choice", ReviewMessages.NO_RATINGS_WHEN_SKIPPING);
        }
        if ((choice.equals(Judgement.SKIP) || choice.equals(Judgement.OUT_OF_SCOPE)) && rewrite != null && PlainText.showsSomething(rewrite)) {
            throw ApiException.badRequest("not_with_choice", ReviewMessages.NO_REWRITE_WITH_CHOICE);
        }
        String slots = storedRewrite() == null ? null : SlotSyntax.problem(storedRewrite());
        if (slots != null) {
            // Accepted into the library it would be refused for the same reason, on a page where it cannot be corrected.
            throw ApiException.badRequest("invalid_rewrite", ReviewMessages.rewriteSlots(slots));
        }
        if (!choice.equals(Judgement.SKIP) && reason != null && PlainText.showsSomething(reason)) {
            throw ApiException.badRequest("not_with_choice", ReviewMessages.REASON_ONLY_WHEN_SKIPPING);
        }
        if (durationMs != null && durationMs < 0) {
            throw ApiException.badRequest("invalid_duration", JudgementMessages.NEGATIVE_DURATION);
        }
    }

    /** What the judging page says once the answer is stored. */
    public String savedMessage() {
        return switch (choice) {
            case Judgement.SKIP -> ReviewMessages.REVIEW_SKIPPED;
            case Judgement.OUT_OF_SCOPE -> ReviewMessages.REVIEW_SAVED_OUT_OF_SCOPE;
            default -> rewrite != null && PlainText.showsSomething(rewrite) ? ReviewMessages.REVIEW_SAVED_WITH_REWRITE : ReviewMessages.REVIEW_SAVED;
        };
    }

    /** The stars of the reply shown under {@code letter}, as stored. */
    Short stars(String letter) {
        Integer given = ratings == null ? null : ratings.get(letter);
        return given == null ? null : given.shortValue();
    }

    /**
     * The rewrite as stored. A skip says the reviewer could not judge the item, out of scope that no library reply fits
     * it: text left in the rewrite box is not their answer to it, and must not become a library reply.
     */
    String storedRewrite() {
        boolean mayRewrite = !choice.equals(Judgement.SKIP) && !choice.equals(Judgement.OUT_OF_SCOPE);
        return mayRewrite && rewrite != null && PlainText.showsSomething(rewrite) ? rewrite.strip() : null;
    }

    String storedReason() {
        return choice.equals(Judgement.SKIP) ? reason.strip() : null;
    }

    /**
     * Whether this is the stored judgement sent again (a retry, a second tab), so that answering "stored" is true: the
     * same choice, stars, rewrite and reason. Anything else would be thrown away while the client heard it was kept.
     */
    boolean repeats(Judgement stored) {
        return ReviewService.canonical(choice, stored.swapped).equals(stored.choice)
                && Objects.equals(stars(stored.swapped ? "B" : "A"), stored.rating1)
                && Objects.equals(stars(stored.swapped ? "A" : "B"), stored.rating2)
                && Objects.equals(storedRewrite(), stored.rewrite)
                && Objects.equals(storedReason(), stored.skipReason);
    }
}
