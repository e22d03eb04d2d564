package dev.loopwise.alignment.preference;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.ticket.TicketFile;
import dev.loopwise.ticket.TicketImporter;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * A file import is one transaction, so that a refused file writes nothing; under the default 60 s timeout a valid file of
 * 100,000 preference pairs (6 MB, within the body limit) was cut off and answered 500. Writing such a file takes longer than
 * a test may wait, so what is checked is that each import's transaction is given the time the largest body needs.
 */
class ImportTransactionTimeoutTest {
    private static final int LARGEST_BODY_SECONDS = 600;

    @Test
    void preferenceAndTicketImportsOutlastTheDefaultTransactionTimeout() throws NoSuchMethodException {
        assertLongEnough(PreferenceImport.class.getDeclaredMethod("importTrl", String.class, String.class));
        assertLongEnough(TicketImporter.class.getDeclaredMethod("importRows", TicketFile.Parsed.class));
    }

    private static void assertLongEnough(Method importer) {
        TransactionConfiguration configured = importer.getAnnotation(TransactionConfiguration.class);
        assertNotNull(configured, importer + " runs under the default 60 s transaction timeout");
        assertTrue(configured.timeout() >= LARGEST_BODY_SECONDS, importer + " may run " + configured.timeout() + " s only");
    }
}
