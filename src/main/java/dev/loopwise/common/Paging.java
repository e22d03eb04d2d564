package dev.loopwise.common;

/** The {@code limit} and {@code offset} of a listing endpoint, checked the same way everywhere. */
public final class Paging {
    private Paging() {
    }

    /** Refuses a page size outside 1..{@code max} or a negative offset with a 400 that says what is allowed. */
    public static void check(int limit, int offset, int max) {
        if (limit < 1 || limit > max || offset < 0) {
            throw ApiException.badRequest("invalid_limit", "limit must be between 1 and " + max + " and offset 0 or more; got limit "
                    + limit + ", offset " + offset + ".");
        }
    }
}
