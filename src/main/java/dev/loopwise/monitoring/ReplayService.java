package dev.loopwise.monitoring;

import dev.loopwise.serving.ServingPipeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Sends a file of tickets through the answering pipeline as if customers wrote them, then checks for drift. */
@ApplicationScoped
public class ReplayService {
    static final int MAX_TEXTS = 20_000;

    @Inject
    ServingPipeline pipeline;
    @Inject
    MonitoringService monitoring;

    /** {@code firstError}: why the first failed request failed, if any did. */
    public record Replayed(int requests, int failed, String firstError, List<MonitoringService.Checked> checks) {
    }

    /** Replays in slices of the check stride, checking after each slice as the schedule would. */
    public Replayed replay(List<String> texts, String caller, int stride) {
        int failed = 0;
        String firstError = null;
        List<MonitoringService.Checked> checks = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += stride) {
            List<CompletableFuture<ServingPipeline.Answer>> answers = new ArrayList<>();
            for (String text : texts.subList(from, Math.min(texts.size(), from + stride))) {
                answers.add(pipeline.submit(text, true, caller));
            }
            for (CompletableFuture<ServingPipeline.Answer> answer : answers) {
                try {
                    answer.join();
                } catch (RuntimeException e) {
                    failed++;
                    firstError = firstError != null ? firstError : String.valueOf(e.getCause() == null ? e : e.getCause());
                }
            }
            monitoring.check(false).ifPresent(checks::add);
        }
        return new Replayed(texts.size(), failed, firstError, checks);
    }
}
