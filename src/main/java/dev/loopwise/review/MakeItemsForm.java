package dev.loopwise.review;

/**
 * The Make review items form as the page shows it: the suggested count, or after a refusal the count as typed, marked so
 * the lead lands on it.
 */
public record MakeItemsForm(String count, boolean refused) {
    static final MakeItemsForm SUGGESTED = new MakeItemsForm("40", false);

    static MakeItemsForm refusing(String typed) {
        return new MakeItemsForm(typed == null ? "" : typed, true);
    }
}
