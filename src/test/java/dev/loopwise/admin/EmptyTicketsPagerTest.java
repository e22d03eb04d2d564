package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Tickets page of a new installation ends with its "Import a ticket file" row, not a stray "the newest tickets". */
@QuarkusTest
class EmptyTicketsPagerTest {

    @Test
    @ActivateRequestContext
    void aSinglePageShowsNoPagerWhileAPageWithOlderOnesDoes() {
        String empty = AdminPage.Templates.tickets(new TicketPager(List.of(), null, null, null), 0, false, "", List.of(), null, null).render();
        assertTrue(empty.contains("No tickets here. Import a ticket file on"), empty);
        assertFalse(empty.contains("the newest tickets") || empty.contains("class=\"pager\""), empty);
        String first = AdminPage.Templates.tickets(new TicketPager(List.of(), null, 7L, null), 60, false, "", List.of(), null, null).render();
        assertTrue(first.contains("the newest tickets") && first.contains("href=\"/admin/tickets?before=7\""), first);
    }
}
