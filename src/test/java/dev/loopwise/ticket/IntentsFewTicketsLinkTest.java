package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Intents page's "too few tickets" step sends a lead to label tickets only when some wait for a label: a workspace
 * without any (a new one, with intents added by hand) is sent to Import, not to an empty list of tickets.
 */
@QuarkusTest
class IntentsFewTicketsLinkTest {
    private static Intent intent(long id, String name) {
        Intent intent = new Intent();
        intent.id = id;
        intent.name = name;
        intent.description = "The customer asks about " + name;
        return intent;
    }

    private static String step(long unlabelled) {
        IntentsNextStep next = IntentsNextStep.of(List.of(intent(1, "track_order"), intent(2, "gift_wrap")), Map.of(1L, 9L),
                Map.of(1L, 1L, 2L, 1L), 8, unlabelled);
        String page = WorkspacePages.Templates.intents$fewTickets(next).render();
        int start = page.indexOf("id=\"intents-few-tickets\"");
        assertTrue(start > 0, page);
        return page.substring(start, page.indexOf("</span>", start)).replaceAll("\\s+", " ");
    }

    @Test
    void withoutTicketsToLabelTheStepPointsToImportOnly() {
        String none = step(0);
        assertTrue(none.contains("gift_wrap (0)") && none.contains("import labelled tickets of it on <a href=\"/admin/import\">Import</a>"), none);
        assertFalse(none.contains("/admin/tickets") || none.contains("label more"), none);
    }

    @Test
    void withTicketsToLabelTheStepOffersTheirListAndImport() {
        String some = step(3);
        assertTrue(some.contains("label more on <a href=\"/admin/tickets?unlabelled=true\">Tickets</a> or import them on"
                + " <a href=\"/admin/import\">Import</a>"), some);
    }
}
