package dev.loopwise.monitoring;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A newcomer replays a short file to see how drift works and gets "no drift checks": the notice says what a check needs, so
 * the next try is a file long enough, not a guess. Read through the address the replay's redirect leads to.
 */
@QuarkusTest
class ReplayWithoutCheckNoticeTest {
    @Test
    void aReplayThatRanNoCheckSaysWhatACheckNeeds() {
        Caller admin = Caller.session("admin");
        String page = admin.pageRequest().accept("text/html").get("/admin/drift?replayed=60&failed=0&checks=0&alerts=0").then()
                .statusCode(200).extract().asString();
        // Tests run with a window of 60 and a stride of 20 (application.properties).
        assertTrue(page.contains("Replayed 60 tickets; no drift checks, no alerts confirmed. A check compares the newest 60 requests"
                + " the active version answered, once it has answered that many, and then runs after every 20 new ones: replay a file"
                + " of 60 tickets or more to see one."), page);
        String checked = admin.pageRequest().accept("text/html").get("/admin/drift?replayed=250&failed=0&checks=2&alerts=0").then()
                .statusCode(200).extract().asString();
        assertFalse(checked.contains("A check compares the newest"), "a replay that ran checks needs no such advice");
    }
}
