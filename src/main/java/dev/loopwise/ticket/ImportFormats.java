package dev.loopwise.ticket;

import dev.loopwise.common.Counts;
import io.quarkus.qute.TemplateExtension;

/** How an import's outcome reads on the page. */
@TemplateExtension
public class ImportFormats {

    /** "Imported 12 tickets (10 labelled, 2 unlabelled); 1 was already in the workspace." */
    static String summary(TicketImporter.Result result) {
        String text = "Imported " + Counts.of(result.imported(), "ticket") + " (" + result.labelled() + " labelled, "
                + result.unlabelled() + " unlabelled)";
        if (result.duplicates() > 0) {
            text += "; " + Counts.of(result.duplicates(), "ticket") + " " + Counts.was(result.duplicates()) + " already in the workspace";
        }
        text += ".";
        if (!result.otherColumns().isEmpty()) {
            text += " Kept with each ticket but not read: " + String.join(", ", result.otherColumns()) + " (Loopwise reads text,"
                    + " label, response and split; rename a column if it holds one of those).";
        }
        return text;
    }
}
