package dev.loopwise.admin;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.audit.AuditEvent;
import dev.loopwise.audit.AuditLog;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The audit page shows one person's entries, a page at a time, and names everyone who has entries. */
@QuarkusTest
class AuditByPersonTest {
    private static final Pattern WHO = Pattern.compile("data-label=\"Who\"><code>([^<]*)</code>");

    @Inject
    AuditLog audit;

    @Test
    void onePersonsEntriesArePagedAlone() {
        String lead = "audit-lead-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "audit-other-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            // The other person's entries fall between the lead's, so a page that filtered after reading would show them.
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 1; i <= AuditPage.PAGE_SIZE + 2; i++) {
                    audit.record(lead, "user.add", "account made-" + i, Map.of("roles", "reviewer"));
                    audit.record(other, "user.add", "account other-" + i, Map.of("roles", "reviewer"));
                }
            });
            Caller admin = Caller.session("admin");
            String first = admin.request().accept("text/html").queryParam("who", lead).get("/admin/audit").then().statusCode(200)
                    .extract().asString();
            assertEquals(AuditPage.PAGE_SIZE, actors(first, lead), first);
            assertTrue(first.contains("<option value=\"" + lead + "\" selected>" + lead + "</option>"), "the name is offered, chosen");
            assertTrue(first.contains("<option value=\"" + other + "\">"), "and the other one too");
            assertTrue(first.contains("Added account made-" + (AuditPage.PAGE_SIZE + 2) + "."), "newest first");
            Matcher older = Pattern.compile("href=\"(/admin/audit\\?before=\\d+&amp;who=" + lead + ")\">Older").matcher(first);
            assertTrue(older.find(), "the next page keeps the name");
            String second = admin.request().accept("text/html").get(older.group(1).replace("&amp;", "&")).then().statusCode(200)
                    .extract().asString();
            assertEquals(2, actors(second, lead), second);
            assertTrue(second.contains("Added account made-1.") && second.contains("Added account made-2."), second);
            assertFalse(second.contains("Older →"), "the last page");
            assertTrue(second.contains("href=\"/admin/audit?who=" + lead + "\">← Newest"), second);

            admin.request().accept("text/html").queryParam("who", "nobody-" + lead).get("/admin/audit").then().statusCode(200)
                    .body(containsString("nobody-" + lead + " has no entries: pick another name under Who, or everyone."));
            // Text no account could be named is refused, not shown back as the page's sentence.
            admin.request().accept("text/html").queryParam("who", "Your account is locked, call 555").get("/admin/audit").then()
                    .statusCode(400).body(containsString("who must be a username as the Who list gives it"));
            // Empty is everyone's, as the choice "everyone" sends it.
            admin.request().accept("text/html").queryParam("who", "").get("/admin/audit").then().statusCode(200)
                    .body(containsString("Added account other-" + (AuditPage.PAGE_SIZE + 2) + "."))
                    .body(containsString("<option value=\"\" selected>everyone</option>"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> AuditEvent.delete("actor in ?1", List.of(lead, other)));
        }
    }

    /** How many rows the page shows, all of them by {@code actor} (a row by anyone else fails). */
    private static int actors(String page, String actor) {
        Matcher who = WHO.matcher(page);
        int rows = 0;
        while (who.find()) {
            assertEquals(actor, who.group(1), "only the chosen person's entries");
            rows++;
        }
        return rows;
    }
}
