package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.audit.AuditEvent;
import dev.loopwise.audit.AuditLog;
import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import dev.loopwise.security.apikey.ApiKey;
import dev.loopwise.security.user.User;
import dev.loopwise.ticket.Ticket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * A time in a table reads whole on a wide screen as on a phone: a narrow column may put the time under the date, but
 * never "2026-12-" over "07", nor "UTC" on a line of its own (the tickets table did both beside long ticket texts).
 */
@QuarkusTest
class DatesReadWholeBrowserTest extends BrowserTest {
    /**
     * Squeezes every table cell holding a drawn date (span.date) as narrow as it goes, then lists the date and the
     * "hh:mm UTC" in each of those cells and those of them that run over more than one line. Squeezed, a date that may
     * break does, whatever else the table holds today. Cells whose text only looks like a date (a ticket or an audit
     * entry that quotes one) are left alone: what they hold is not ours to keep whole.
     */
    private static final String DATES = """
            const dated = /\\d{4}-\\d\\d-\\d\\d/;
            const cells = [...document.querySelectorAll('main td')].filter(cell => cell.querySelector('span.date'));
            cells.forEach(cell => {
              // On a phone a table reads as cards, each cell the card's width: there is nothing to squeeze.
              if (getComputedStyle(cell).display === 'table-cell') {
                cell.style.width = '3em';
                cell.closest('table').style.width = 'min-content';
              }
            });
            const checked = [], broken = [];
            cells.forEach(cell => {
              const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                for (const pattern of [dated, /\\d\\d:\\d\\d[ \\u00a0]UTC/]) {
                  const match = pattern.exec(node.data);
                  if (!match || cell.offsetWidth === 0) continue;
                  const range = document.createRange();
                  range.setStart(node, match.index);
                  range.setEnd(node, match.index + match[0].length);
                  const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
                  checked.push(match[0]);
                  if (lines > 1) broken.push(match[0] + ' over ' + lines + ' lines');
                }
              }
            });
            return {checked: checked.length, broken: broken.slice(0, 5)};""";

    @TestHTTPResource("/")
    URL base;

    @Inject
    AuditLog audit;

    @Test
    void datesAndTimesAreNeverCutInTwo() throws Exception {
        String tag = UUID.randomUUID().toString();
        // The newest ticket opens the list, whatever other tests added: a long text squeezes the other columns.
        QuarkusTransaction.requiringNew().run(() -> Ticket.of("My parcel never came and nobody answers my e-mails about it, "
                + "I have written three times already and I would like my money back now please " + tag,
                null, null, null, Ticket.SOURCE_IMPORT).persist());
        // The newest entry of the audit trail, and a key used then revoked: its Last used and Status cells show dates too.
        String actor = "dates-" + tag.substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> audit.record(actor, "user.add", "account kept", Map.of("roles", "reviewer")));
        long key = QuarkusTransaction.requiringNew().call(() -> {
            ApiKey used = new ApiKey();
            used.user = User.findByUsername("admin").orElseThrow();
            used.name = "dates " + tag.substring(0, 8);
            used.prefix = "lw_" + tag.substring(0, 6);
            used.hash = tag;
            used.createdAt = OffsetDateTime.now();
            used.lastUsedAt = OffsetDateTime.now();
            used.revokedAt = OffsetDateTime.now();
            used.persist();
            return used.id;
        });
        try {
            driver = Browser.start();
            Browser.run(driver, "dates-read-whole-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                for (Dimension size : List.of(new Dimension(1440, 1000), new Dimension(390, 844))) {
                    driver.manage().window().setSize(size);
                    for (String page : List.of("admin/tickets", "admin/audit", "admin/users", "account")) {
                        driver.get(base + page);
                        Map<?, ?> dates = (Map<?, ?>) ((JavascriptExecutor) driver).executeScript(DATES);
                        assertTrue(((Number) dates.get("checked")).intValue() > 0, page + " shows a time to check");
                        assertEquals(List.of(), dates.get("broken"), page + " at " + size.getWidth() + " px keeps each date and time whole");
                    }
                }
            });
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                Ticket.delete("text like ?1", "%" + tag);
                AuditEvent.delete("actor", actor);
                ApiKey.deleteById(key);
            });
        }
    }
}
