package dev.loopwise.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Drafts are prepared as they arrive: each keeps its own prepared value whatever order they come back in, those that
 * arrive while others are being prepared are prepared together, and the LLM's time ends at its last draft, so
 * Loopwise's own share (latency minus the LLM's time) holds the preparation.
 */
@QuarkusTest
class DraftArrivalTest extends FakeLlmTest {
    @Inject
    LlmClient client;

    @Test
    void eachDraftKeepsWhatWasPreparedFromItAndTheLlmsTimeLeavesThePreparationOut() throws Exception {
        llm.drafts = List.of("a short draft", "a somewhat longer second draft", "the third draft, the longest of the three by far");
        settings.save(new LlmSettingsService.Change(true, llm.baseUrl(), "fake-" + UUID.randomUUID(), null, false, 10.0, 3, 0.7, null),
                "test");
        List<Integer> batches = new CopyOnWriteArrayList<>();
        long started = System.nanoTime();
        LlmClient.Drafts drafts = client.drafts(settings.current(), new DraftPrompt("Answer briefly.", "Where is my parcel?"), texts -> {
            batches.add(texts.size());
            try {
                Thread.sleep(1500); // a slow encoder
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return texts.stream().map(text -> new float[] {text.length()}).toArray(float[][]::new);
        }, Long.MAX_VALUE).get(30, TimeUnit.SECONDS);
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertEquals(Set.copyOf(llm.drafts), Set.copyOf(drafts.texts()));
        for (int i = 0; i < drafts.texts().size(); i++) {
            assertEquals(drafts.texts().get(i).length(), drafts.vectors()[i][0], "draft " + i + " kept its own vector");
        }
        // The three come back at once: the first is encoded alone, the two that arrive meanwhile wait and go together.
        assertEquals(3, batches.stream().mapToInt(Integer::intValue).sum(), "every draft prepared once: " + batches);
        assertTrue(batches.size() <= 2, "drafts that arrived during an encoding are encoded in one batch: " + batches);
        // The last preparation (1.5 s) starts after the last draft arrived: the LLM's time ends at least that long before
        // the whole call does, however slow the machine is.
        assertTrue(drafts.latencyMs() <= elapsedMs - 1400, "the LLM's time must not include the 1.5 s preparation: "
                + drafts.latencyMs() + " ms of " + elapsedMs + " ms");
    }

    @Test
    void aTicketCountsAgainstTheLimitUntilItsCallsEndNotOnlyUntilItsTimeout() throws Exception {
        llm.drafts = List.of("the only draft");
        settings.save(new LlmSettingsService.Change(true, llm.baseUrl(), "fake-" + UUID.randomUUID(), null, false, 0.5, 1, 0.7, null),
                "test");
        CountDownLatch preparing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        int before = client.ticketsInFlight();
        CompletableFuture<LlmClient.Drafts> drafts = client.drafts(settings.current(),
                new DraftPrompt("Answer briefly.", "Where is my parcel?"), texts -> {
                    preparing.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS); // a call still running past the ticket's timeout
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new float[][] {{1}};
                }, Long.MAX_VALUE);
        try {
            assertTrue(preparing.await(30, TimeUnit.SECONDS));
            ExecutionException late = org.junit.jupiter.api.Assertions.assertThrows(
                    ExecutionException.class, () -> drafts.get(30, TimeUnit.SECONDS));
            assertTrue(late.getCause() instanceof TimeoutException, String.valueOf(late.getCause()));
            assertEquals(before + 1, client.ticketsInFlight(), "its call still runs after the ticket was answered from the library");
        } finally {
            release.countDown();
        }
        for (int wait = 0; wait < 100 && client.ticketsInFlight() > before; wait++) {
            Thread.sleep(50);
        }
        assertEquals(before, client.ticketsInFlight(), "the permit comes back when the call ends");
    }

    /**
     * The caller's wait ends the LLM's before its own timeout does: an LLM timeout longer than the request's would otherwise
     * answer the caller with a refusal once its wait ran out, instead of the library's reply in time.
     */
    @Test
    void theCallersWaitCutsALongerLlmTimeoutShort() throws Exception {
        llm.drafts = List.of("a draft that comes too late");
        llm.delayMs = 3_000;
        int before = client.ticketsInFlight();
        try {
            settings.save(new LlmSettingsService.Change(true, llm.baseUrl(), "fake-" + UUID.randomUUID(), null, false, 60.0, 1, 0.7,
                    null), "test");
            CompletableFuture<LlmClient.Drafts> drafts = client.drafts(settings.current(),
                    new DraftPrompt("Answer briefly.", "Where is my parcel?"), texts -> new float[][] {{1}}, 300);
            // Long before the LLM's 60 s, and before its 3 s answer: only the caller's 300 ms can have ended it.
            ExecutionException cut = org.junit.jupiter.api.Assertions.assertThrows(
                    ExecutionException.class, () -> drafts.get(15, TimeUnit.SECONDS));
            assertTrue(cut.getCause() instanceof TimeoutException, String.valueOf(cut.getCause()));
        } finally {
            llm.delayMs = 0;
        }
        for (int wait = 0; wait < 200 && client.ticketsInFlight() > before; wait++) {
            Thread.sleep(50); // its call ends with the LLM's answer: the next test counts from no ticket in flight
        }
    }
}
