package dev.loopwise.monitoring.replay;

import dev.loopwise.audit.AuditLog;
import dev.loopwise.common.ServingMessages;
import dev.loopwise.monitoring.drift.MonitoringService;
import dev.loopwise.serving.ServingConfig;
import dev.loopwise.serving.ServingPipeline;
import dev.loopwise.serving.ServingRequests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Sends a file of tickets through the answering pipeline as if customers wrote them, then checks for drift. The LLM,
 * when connected, drafts for none of them: a replay measures the model, and hundreds of tickets at once would cost
 * money, trip the LLM's circuit breaker for real customers and fill its figures with tickets nobody wrote.
 */
@ApplicationScoped
public class ReplayService {
    public static final int MAX_TEXTS = 20_000;

    @Inject
    ServingPipeline pipeline;
    @Inject
    MonitoringService monitoring;
    @Inject
    AuditLog audit;
    @Inject
    ServingConfig servingConfig;

    /**
     * Where a replay stands: tickets sent so far (answered or failed), failures, why the first one failed, the drift
     * checks run and the alerts they confirmed.
     */
    public record Replayed(int requests, int failed, String firstError, List<MonitoringService.Checked> checks) {
        public int alerts() {
            return checks.stream().mapToInt(check -> check.confirmed().size()).sum();
        }
    }

    /** Replays all of {@code texts} while the caller waits. */
    public Replayed replay(List<String> texts, String caller, int stride) {
        return replay(texts, caller, stride, progress -> { }, () -> false);
    }

    /**
     * Replays all of {@code texts} (from {@code source}, in the audit log's words) while the caller waits. The replayed
     * requests are served and logged like a customer's: who sent them belongs in the audit log.
     */
    public Replayed replay(List<String> texts, String source, String caller, int stride, Consumer<Replayed> progress) {
        Replayed done = replay(texts, caller, stride, progress, () -> false);
        QuarkusTransaction.requiringNew().run(() -> audit.record(caller, "drift.replay", done.requests()
                + " requests (" + source + ")", Map.of("failed", done.failed(), "checks", done.checks().size(),
                "alerts", done.alerts())));
        return done;
    }

    /**
     * Replays in slices of the check stride, checking after each slice as the schedule would; reports after each slice
     * and stops between slices once {@code cancelled} says so (what was sent stays answered and logged).
     */
    public Replayed replay(List<String> texts, String caller, int stride, Consumer<Replayed> progress, BooleanSupplier cancelled) {
        int failed = 0;
        String firstError = null;
        List<MonitoringService.Checked> checks = new ArrayList<>();
        int sent = 0;
        while (sent < texts.size() && !cancelled.getAsBoolean()) {
            List<CompletableFuture<ServingPipeline.Answer>> answers = new ArrayList<>();
            for (String text : texts.subList(sent, Math.min(texts.size(), sent + stride))) {
                answers.add(pipeline.submit(text, true, caller, false));
            }
            for (CompletableFuture<ServingPipeline.Answer> answer : answers) {
                try {
                    answer.join();
                } catch (RuntimeException e) {
                    failed++;
                    firstError = firstError != null ? firstError : why(e.getCause() == null ? e : e.getCause(),
                            ServingRequests.retryAfterSeconds(servingConfig));
                }
            }
            sent += answers.size();
            monitoring.check(false).ifPresent(checks::add);
            progress.accept(new Replayed(sent, failed, firstError, checks));
        }
        return new Replayed(sent, failed, firstError, checks);
    }

    /**
     * Why a ticket failed, as /respond would say it: the class name of a pipeline's exception means nothing to a lead.
     *
     * @param retryAfterSeconds when a refused ticket may come back, as /respond's {@code Retry-After} says it
     */
    static String why(Throwable failure, long retryAfterSeconds) {
        if (failure instanceof ServingPipeline.NoActiveModel) {
            return ServingMessages.NO_ACTIVE_MODEL;
        }
        if (failure instanceof ServingPipeline.Failed) {
            return ServingMessages.SERVING_FAILED;
        }
        if (failure instanceof TimeoutException || failure instanceof IllegalStateException && "overloaded".equals(failure.getMessage())) {
            return ServingMessages.overloaded(retryAfterSeconds);
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
