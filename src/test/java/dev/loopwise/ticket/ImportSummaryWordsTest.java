package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A file with both a label and a category column (public data sets have both) imports its label; the summary says the
 * category was left unread because another column was read as the label, rather than listing it unread beside a note
 * that category is a name Loopwise reads.
 */
class ImportSummaryWordsTest {
    @Test
    void aColumnUnderANameLoopwiseReadsIsSaidToHaveBeenPassedOver() {
        String summary = ImportFormats.summary(new TicketImporter.Result(3, 0, 3, 0, 0, List.of(), List.of("category", "tags")));
        assertTrue(summary.contains("Kept with each ticket but not read: category (another column was read as the label), tags ("),
                summary);
        String plain = ImportFormats.summary(new TicketImporter.Result(1, 0, 1, 0, 0, List.of(), List.of("channel")));
        assertTrue(plain.contains("not read: channel (Loopwise reads"), plain);
    }
}
