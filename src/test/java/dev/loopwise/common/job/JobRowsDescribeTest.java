package dev.loopwise.common.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a failed job's page says: Loopwise's own refusals word for word, a library's message never. */
class JobRowsDescribeTest {
    @Test
    void loopwiseOwnRefusalIsShownAsWritten() {
        assertEquals("Nothing to learn from: judge items with two different replies.",
                JobRows.describe(new IllegalStateException("Nothing to learn from: judge items with two different replies.")));
        assertEquals("No such intent.", JobRows.describe(ApiException.badRequest("validation_failed", "No such intent.")));
    }

    @Test
    void aLibraryMessageOfTheSameTypeIsNotShown() {
        NumberFormatException jdk = assertThrows(NumberFormatException.class, () -> Integer.parseInt("twelve"));
        String said = JobRows.describe(jdk);
        assertFalse(said.contains("For input string"), said);
        assertTrue(said.startsWith("An unexpected error stopped it (NumberFormatException)"), said);
        IllegalArgumentException fromList = assertThrows(IllegalArgumentException.class, () -> List.of(1).subList(2, 1));
        assertFalse(JobRows.describe(fromList).contains(String.valueOf(fromList.getMessage())), JobRows.describe(fromList));
        assertTrue(JobRows.describe(jdk, "").endsWith("the service log has the details."));
    }

    @Test
    void onlyLoopwiseOwnRefusalsAreLoggedWithoutTheirStack() {
        assertTrue(JobRows.isRefusal(new IllegalArgumentException("The file names no intent.")));
        assertTrue(JobRows.isRefusal(ApiException.conflict("no_judgements", "No judgements yet.")));
        assertFalse(JobRows.isRefusal(assertThrows(NumberFormatException.class, () -> Integer.parseInt("twelve"))),
                "the page points to the log, so the log must have the stack");
        assertFalse(JobRows.isRefusal(new IllegalStateException("a fault, not what the workspace holds")));
        assertFalse(JobRows.isRefusal(new OutOfMemoryError()));
    }

    @Test
    void outOfMemoryAndUnexpectedFailuresSayWhatToDo() {
        assertTrue(JobRows.describe(new OutOfMemoryError("Java heap space")).contains("give it more (JAVA_OPTS -Xmx)"));
        assertEquals("An unexpected error stopped it (NullPointerException); the service log has the details. The active version was not"
                + " changed.", JobRows.describe(new NullPointerException()));
    }
}
