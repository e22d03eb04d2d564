package dev.loopwise.review.judging;

/**
 * The part of a reviewer's running sums ({@link ReviewTallies}) that their standing is worked out from, read the same way by
 * the review-quality page and the reviewer's own home page, so that both show the same figure for the same sums.
 */
record StandingTallies(ReviewerReliability.Comparison comparison, int goldJudged, int goldCorrect) {

    /** The columns of {@code review_reviewer_tallies} {@link #of} reads, in its order. */
    static final String COLUMNS = "overlap_compared, overlap_agreed_60, gold_judged, gold_correct";

    /** The sums from a row holding {@link #COLUMNS} from index {@code from} on; agreements are stored in sixtieths. */
    static StandingTallies of(Object[] row, int from) {
        return new StandingTallies(new ReviewerReliability.Comparison(((Number) row[from]).intValue(),
                ((Number) row[from + 1]).longValue() / (double) TallySums.SIXTIETHS),
                ((Number) row[from + 2]).intValue(), ((Number) row[from + 3]).intValue());
    }
}
