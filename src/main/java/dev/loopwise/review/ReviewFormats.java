package dev.loopwise.review;

import io.quarkus.qute.TemplateExtension;

/** How review figures read on pages. */
@TemplateExtension
public class ReviewFormats {

    static String agreementText(ReviewStats.Home home) {
        return home.agreement() == null ? "—" : String.format("%.0f%%", home.agreement() * 100);
    }
}
