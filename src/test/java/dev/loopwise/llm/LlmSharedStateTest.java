package dev.loopwise.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.runtime.InstanceName;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Behind a load balancer the LLM page says the same on every instance: a failure a lead met on Try a ticket is its latest
 * failure (without counting the tried ticket as traffic), and its "Now:" line reads what customers got lately on every
 * instance, not the circuit breaker of the instance that happened to show it.
 */
@QuarkusTest
class LlmSharedStateTest extends FakeLlmTest {
    @Inject
    EntityManager em;
    @Inject
    LlmFigures figures;

    @AfterEach
    void forget() {
        LlmServingTest.forgetDraftedAnswers(em);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from llm_try_failures").executeUpdate());
    }

    @Test
    void aFailureMetOnTryATicketIsTheLlmPagesLatestWithoutCountingAsTraffic() throws Exception {
        ActiveModel.await();
        llm.delayMs = 5_000;
        settings.save(new LlmSettingsService.Change(true, llm.baseUrl(), "fake-try-" + UUID.randomUUID(), null, false, 0.5, 1, 0.7, null),
                "test");
        LlmFigures.Day before = QuarkusTransaction.requiringNew().call(() -> figures.lastDay());
        long mark = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select coalesce(max(id), 0) from llm_try_failures").getSingleResult()).longValue());
        Caller admin = Caller.session("admin");
        admin.pageRequest().accept("text/html").formParam("ticket", LlmServingTest.TICKET).formParam("csrf-token", admin.csrfToken())
                .post("/admin/models/try").then().statusCode(200);

        String html = admin.pageRequest().accept("text/html").get("/admin/llm").then().statusCode(200).extract().asString();
        int at = html.indexOf("id=\"llm-latest-failure\"");
        assertTrue(at > 0, "the failure met on Try is the page's latest: " + html);
        String latest = html.substring(at, html.indexOf("</p>", at));
        assertTrue(latest.contains("(one tried on Try a ticket)") && latest.contains("did not answer within the timeout of 0.5 s"), latest);
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> figures.lastDay()), "a tried ticket is not served traffic");
        assertEquals(InstanceName.current(), QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select instance from llm_try_failures where id > ?1 order by id desc limit 1").setParameter(1, mark).getSingleResult()), "where it was met");
    }

    @Test
    void nowSaysWhatCustomersGotLatelyOnEveryInstanceNotThisInstancesCircuit() {
        settings.save(new LlmSettingsService.Change(true, llm.baseUrl(), "fake-now-" + UUID.randomUUID(), null, false, 5.0, 1, 0.7, null),
                "test");
        // Another instance's circuit is open: its customers get library replies, while this instance's circuit is closed.
        String marker = "answered by another instance " + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into served_requests (id, endpoint, text, text_hash,"
                        + " out_of_scope, latency_ms, answer_source, llm_status) values (gen_random_uuid(), 'respond', ?1, md5(?1), false,"
                        + " 5, 'library', 'unavailable: circuit open')")
                .setParameter(1, marker).executeUpdate());
        Caller admin = Caller.session("admin");
        String html = admin.pageRequest().accept("text/html").get("/admin/llm").then().statusCode(200).extract().asString();
        int at = html.indexOf("id=\"llm-state\"");
        String now = html.substring(at, html.indexOf("</p>", at));
        assertTrue(now.contains("failing: every answer of the last 5 minutes, on every instance, came from the reply library"), now);
        assertTrue(html.contains("on this one, " + InstanceName.current() + ", it is closed now"), "the breaker shown is named as this instance's");
    }

    /** "What to do next" reads the same last minutes as "Now:": a good day before them does not make it say all is well. */
    @Test
    void theNextStepAgreesWithNowAndAFullDraftingLimitIsNotAFailingLlm() {
        settings.save(new LlmSettingsService.Change(true, llm.baseUrl(), "fake-next-" + UUID.randomUUID(), null, false, 5.0, 1, 0.7, null),
                "test");
        for (int i = 0; i < 10; i++) {
            served("drafted earlier today " + UUID.randomUUID(), "llm", "ok: 1 draft", "2 hours");
        }
        served("turned away while busy " + UUID.randomUUID(), "library", LlmFigures.UNAVAILABLE + LlmFailure.BUSY, "0 seconds");
        String busy = now(page());
        assertTrue(busy.contains("connected"), "a full drafting limit is not the LLM failing: " + busy);

        served("answered by another instance " + UUID.randomUUID(), "library", LlmFigures.UNAVAILABLE + LlmFailure.CIRCUIT_OPEN, "0 seconds");
        String html = page();
        // Since the settings were saved: the busy answer and this one (the day's earlier answers fall outside the minutes read).
        assertTrue(now(html).contains("failing now and then: 1 of the 2 answers of the last 5 minutes, across instances"), now(html));
        assertTrue(html.contains("the LLM often fails or is too slow"), "the next step says what Now says: " + html);
    }

    /** The day's shares: a ticket turned away by the full drafting limit is no "too slow or failed" (no call was made). */
    @Test
    void aFullDraftingLimitIsNotCountedAsTheLlmFailingInTheDaysFigures() {
        LlmFigures.Day before = QuarkusTransaction.requiringNew().call(() -> figures.lastDay());
        served("turned away while busy " + UUID.randomUUID(), "library", LlmFigures.UNAVAILABLE + LlmFailure.BUSY, "1 hour");
        served("circuit open " + UUID.randomUUID(), "library", LlmFigures.UNAVAILABLE + LlmFailure.CIRCUIT_OPEN, "1 hour");
        LlmFigures.Day after = QuarkusTransaction.requiringNew().call(() -> figures.lastDay());
        assertEquals(before.answered() + 2, after.answered(), "both answers asked for the LLM");
        assertEquals(before.fellBack() + 1, after.fellBack(), "only the open circuit is the LLM unavailable");
    }

    private void served(String text, String source, String status, String ago) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into served_requests (id, endpoint, text, text_hash,"
                        + " out_of_scope, latency_ms, answer_source, llm_status, created_at) values (gen_random_uuid(), 'respond', ?1, md5(?1),"
                        + " false, 5, ?2, ?3, now() - cast(?4 as interval))")
                .setParameter(1, text).setParameter(2, source).setParameter(3, status).setParameter(4, ago).executeUpdate());
    }

    private static String page() {
        Caller admin = Caller.session("admin");
        return admin.pageRequest().accept("text/html").get("/admin/llm").then().statusCode(200).extract().asString();
    }

    private static String now(String html) {
        int at = html.indexOf("id=\"llm-state\"");
        return html.substring(at, html.indexOf("</p>", at));
    }
}
