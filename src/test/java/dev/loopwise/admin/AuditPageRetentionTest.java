package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Audit page says how far back its entries go when a retention removes older ones, and nothing when all are kept. */
@QuarkusTest
class AuditPageRetentionTest {
    @Test
    void thePageNamesTheRetentionOnlyWhenOneIsSet() {
        String kept = AuditPage.Templates.audit(List.of(), null, true, 0, List.of(), "", null, "", List.of()).render();
        String limited = AuditPage.Templates.audit(List.of(), null, true, 13, List.of(), "", null, "", List.of()).render();

        assertFalse(kept.contains("are removed"), kept);
        assertTrue(limited.replaceAll("\\s+", " ").contains("Entries older than 13 months are removed."), limited);
    }
}
