package dev.loopwise.monitoring.replay;

import dev.loopwise.common.CommandLineMessages;
import dev.loopwise.model.encoder.CliEncoder;
import dev.loopwise.model.encoder.EncoderOptions;
import dev.loopwise.monitoring.drift.DriftSettings;
import dev.loopwise.monitoring.drift.MonitoringConfig;
import dev.loopwise.ticket.CliFiles;
import dev.loopwise.ticket.TicketRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loopwise bench-drift}: seeded replays on a labelled file. Some intents are held out of training;
 * a stream of known-intent test tickets must raise no alarm, and a stream where held-out intents start to
 * arrive must raise one soon. Prints false alarms, detection delay and the cost of the checks.
 */
@Command(name = "bench-drift", description = "Replay seeded traffic with and without a shift; prints false alarms, detection delay and check cost.")
public class BenchDriftCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "CSV or JSONL with text, label and split (train/test).")
    Path data;

    @Option(names = "--seeds", defaultValue = "5", description = "Replays per scenario (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--held-out-intents", defaultValue = "6", description = "Intents left out of training (default: ${DEFAULT-VALUE}).")
    int heldOut;

    @Option(names = "--requests", defaultValue = "3000", description = "Requests per replay (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--shift-at", defaultValue = "600", description = "Request at which the new intents start (default: ${DEFAULT-VALUE}).")
    int shiftAt;

    @Option(names = "--shift-share", defaultValue = "0.3", description = "Share of requests from the new intents after the shift (default: ${DEFAULT-VALUE}).")
    double shiftShare;

    @Mixin
    EncoderOptions encoderOptions;

    @Override
    public Integer call() throws Exception {
        encoderOptions.check();
        DriftSettings settings = MonitoringConfig.defaults();
        checkOptions(settings);
        List<TicketRow> rows = CliFiles.tickets(data).stream().filter(r -> r.label() != null).toList();
        checkFile(rows);
        try (CliEncoder encoder = encoderOptions.open()) {
            System.out.println("encoder: " + encoder.spec().describe());
            Map<String, float[]> vectors = new HashMap<>();
            List<String> texts = rows.stream().map(TicketRow::text).distinct().toList();
            float[][] v = encoder.embed(texts);
            for (int i = 0; i < texts.size(); i++) {
                vectors.put(texts.get(i), v[i]);
            }
            System.out.printf("%-5s %-12s %14s %16s %12s  %s%n", "seed", "scenario", "false alarms", "detected after", "ms/check", "signals");
            double totalMs = 0;
            int checks = 0;
            int alarms = 0;
            List<Integer> delays = new ArrayList<>();
            for (int seed = 1; seed <= seeds; seed++) {
                Replay replay = new Replay(rows, vectors, heldOut, seed, settings);
                for (boolean shifted : new boolean[] {false, true}) {
                    Replay.Outcome outcome = replay.run(requests, shifted ? shiftAt : Integer.MAX_VALUE, shiftShare);
                    totalMs += outcome.millis();
                    checks += outcome.checks();
                    alarms += outcome.falseAlarms();
                    if (shifted && outcome.delay() >= 0) {
                        delays.add(outcome.delay());
                    }
                    System.out.printf("%-5d %-12s %14d %16s %12.1f  %s%n", seed, shifted ? "shifted" : "unchanged", outcome.falseAlarms(),
                            !shifted ? "—" : outcome.delay() < 0 ? "missed" : outcome.delay() + " requests", outcome.millis() / Math.max(outcome.checks(), 1),
                            String.join(", ", outcome.signals()));
                }
            }
            Collections.sort(delays);
            double perCheck = totalMs / Math.max(checks, 1);
            System.out.printf("%nfalse alarms: %d in %d checks of unchanged or pre-shift traffic; detected %d of %d shifts, median delay %s requests;%n",
                    alarms, checks, delays.size(), seeds, delays.isEmpty() ? "—" : delays.get(delays.size() / 2));
            System.out.printf("one check (window %d, %d reference tickets, %d permutations) takes %.0f ms; checking every %d requests costs %.1f s per 10,000 requests.%n",
                    settings.window(), settings.referenceSample(), settings.permutations(), perCheck, Replay.STRIDE,
                    perCheck * 10_000 / Replay.STRIDE / 1000);
        }
        return 0;
    }

    // Checked before anything is encoded: each would otherwise end in an empty table or a Java message about an index.
    private void checkOptions(DriftSettings settings) {
        if (seeds < 1) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--seeds", "1 or more (replays per scenario)", seeds));
        }
        if (requests <= settings.window()) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--requests", "more than " + settings.window()
                    + " (a drift check needs a full window of that many requests)", requests));
        }
        if (shiftAt < 0 || shiftAt >= requests) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--shift-at", "0 or more and less than --requests ("
                    + requests + "), so that some requests come after the shift", shiftAt));
        }
        if (!(shiftShare > 0 && shiftShare <= 1)) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--shift-share", "a share above 0 and at most 1 (0.3: three"
                    + " requests in ten from the new intents)", shiftShare));
        }
        if (heldOut < 1) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--held-out-intents", "1 or more (the intents that play"
                    + " the new topic)", heldOut));
        }
    }

    private void checkFile(List<TicketRow> rows) {
        if (rows.stream().noneMatch(r -> "test".equals(r.split()))) {
            throw new IllegalArgumentException(CommandLineMessages.noTestRows(data, "bench-drift"));
        }
        int intents = (int) rows.stream().map(TicketRow::label).distinct().count();
        if (intents - heldOut < 2) {
            throw new IllegalArgumentException(CommandLineMessages.heldOutIntents(heldOut, intents));
        }
    }
}
