package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ReviewAdminMessages;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A new installation's Replies page says why the library is empty and what fills it, instead of a bare table, a list of
 * intents to choose from that holds none, and a Propose button that reports every intent as answered.
 */
@QuarkusTest
class EmptyLibraryPageTest {

    @Test
    @ActivateRequestContext
    void withoutIntentsThePageSendsTheLeadToImportAndOffersNoFormThatCannotWork() {
        String page = WorkspacePages.Templates.replies(List.of(), List.of(), null, null, null, null, null).render();
        assertTrue(page.contains("there are no intents yet, so there is nothing to") && page.contains("href=\"/admin/import\""), page);
        assertTrue(page.contains("id=\"replies-empty\"") && page.contains("No replies yet:"), page);
        assertFalse(page.contains("choose the intent…") || page.contains("id=\"propose-replies\""), page);
    }

    @Test
    void proposingOnAWorkspaceWithoutIntentsDoesNotClaimEveryIntentHasAReply() {
        String none = ReviewAdminMessages.repliesProposed(0, 0, false);
        assertTrue(none.contains("there are no intents yet") && !none.contains("every intent has a reply already"), none);
        assertTrue(ReviewAdminMessages.repliesProposed(0, 0, true).contains("every intent has a reply already"));
    }
}
