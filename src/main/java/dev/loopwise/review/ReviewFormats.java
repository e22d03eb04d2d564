package dev.loopwise.review;

import io.quarkus.qute.TemplateExtension;

/** How review figures read on pages. */
@TemplateExtension
public class ReviewFormats {

    static String agreementText(ReviewStats.Home home) {
        return home.agreement() == null ? "—" : String.format("%.0f%%", home.agreement() * 100);
    }

    /** "0.62 (0.34–0.87)": the weight with its 90% interval, so a weight resting on little evidence shows it. */
    static String weightRange(ReviewStats.ReviewerStats reviewer) {
        return String.format(java.util.Locale.ROOT, "%.2f (%.2f–%.2f)", reviewer.weight(), reviewer.weightLow(), reviewer.weightHigh());
    }
}
