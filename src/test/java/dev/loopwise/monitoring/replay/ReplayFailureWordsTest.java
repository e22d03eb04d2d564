package dev.loopwise.monitoring.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.common.ServingMessages;
import dev.loopwise.serving.ServingPipeline;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Why a replayed ticket failed is told as /respond tells it: the replay's answer and the command line printed
 * "dev.loopwise.serving.ServingPipeline$NoActiveModel: No model is active yet".
 */
class ReplayFailureWordsTest {
    @Test
    void aFailedTicketIsToldInTheAnsweringApisWordsNotByItsExceptionClass() {
        assertEquals(ServingMessages.NO_ACTIVE_MODEL, ReplayService.why(new ServingPipeline.NoActiveModel(), 30));
        assertEquals(ServingMessages.overloaded(30), ReplayService.why(new IllegalStateException("overloaded"), 30));
        assertEquals(ServingMessages.overloaded(30), ReplayService.why(new TimeoutException(), 30));
        assertEquals("The text is empty.", ReplayService.why(new IllegalArgumentException("The text is empty."), 30));
    }
}
