package dev.loopwise.alignment.simulation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.alignment.round.RoundResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulate tables name each round's outcome in words, and the summary has a row per preference kind. */
class SimulationTablesTest {
    private static Simulator.Report report(int round, String outcome, String reason) {
        return new Simulator.Report(round, 500 * round, 0.7, 0.8, 0.2, 0.4, 0.3, RoundResult.PASS.equals(outcome), reason,
                Map.of("encode", 0L, "reward", 1000L, "policy", 2000L, "evaluate", 500L), outcome, 0.75, 0.25, 0.0, "vector");
    }

    @Test
    void roundsAndSummaryShowOutcomes() {
        List<Simulator.Report> reports = List.of(report(1, RoundResult.PASS, null), report(2, RoundResult.WAIT, "About 900 more judgements"),
                report(3, RoundResult.FAIL, "It cannot reach the floor."));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        SimulationTables.rounds(out, reports, 0.75);
        String rounds = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(rounds.contains("promoted") && rounds.contains("round 2 needs evidence: About 900")
                && rounds.contains("round 3 rejected: It cannot"), rounds);
        // The legend says what the gate measures: each held-out (ticket, reply pair) once, an equal score half right.
        assertTrue(rounds.contains("each (ticket, reply pair) kept aside once by its reviewers' majority")
                && rounds.contains("an equal score counts half right") && !rounds.contains("as wrong"), rounds);
        bytes.reset();
        Map<PreferenceKind, List<Simulator.Report>> runs = new LinkedHashMap<>();
        runs.put(PreferenceKind.CONCISE, reports);
        runs.put(PreferenceKind.SIGN_OFF, reports.subList(0, 1));
        SimulationTables.summary(out, runs, 0.75);
        String summary = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(summary.contains("promoted, needs evidence, rejected") && summary.lines().anyMatch(l -> l.startsWith("sign_off ")),
                summary);
    }
}
