package dev.loopwise.alignment.simulation;

import dev.loopwise.alignment.round.RoundResult;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The tables {@code loopwise simulate} prints: one row per round for one preference, or one row per preference. */
final class SimulationTables {
    private SimulationTables() {
    }

    static void rounds(PrintStream out, List<Simulator.Report> reports, double agreement) {
        out.printf("%-6s %11s %7s %15s %14s %14s %12s %12s %8s %15s %8s%n", "round", "judgements", "RM", "RM acc (noisy)", "RM acc (true)",
                "RM in-intent", "best before", "best after", "KL", "outcome", "seconds");
        for (Simulator.Report r : reports) {
            out.printf("%-6d %11d %7s %15s %14s %14s %12.3f %12.3f %8.3f %15s %8.1f%n", r.round(), r.judgements(), r.rewardModel(),
                    fmt(r.rewardAccuracyNoisy()),
                    fmt(r.rewardAccuracyTrue()), fmt(r.rewardAccuracyWithinIntent()), r.trueBestBefore(), r.trueBestAfter(), r.kl(),
                    outcome(r.outcome()), r.millis().values().stream().mapToLong(Long::longValue).sum() / 1000.0);
        }
        out.println();
        out.printf("%-6s %10s %10s %10s %10s (seconds per step of each round)%n", "round", "encode", "reward", "policy", "evaluate");
        for (Simulator.Report r : reports) {
            out.printf("%-6d %10.1f %10.1f %10.1f %10.1f%n", r.round(), r.millis().get("encode") / 1000.0,
                    r.millis().get("reward") / 1000.0, r.millis().get("policy") / 1000.0, r.millis().get("evaluate") / 1000.0);
        }
        reports.stream().filter(r -> r.reason() != null)
                .forEach(r -> out.println("round " + r.round() + " " + outcome(r.outcome()) + ": " + r.reason()));
        if (!reports.isEmpty()) {
            out.printf("A random reply of the ticket's intent would be truly best for %.3f of the test tickets; %s of the library's "
                    + "within-intent pairs that differ in truth have identical vectors.%n", reports.get(0).trueBestByChance(),
                    fmt(reports.get(0).sameVector()));
        }
        legend(out, agreement);
    }

    /** One row per preference kind, after all rounds: the final reward model, SFT against the last active policy. */
    static void summary(PrintStream out, Map<PreferenceKind, List<Simulator.Report>> runs, double agreement) {
        out.printf("%-16s %11s %12s %15s %14s %13s %12s %10s %11s  %s%n", "preference", "judgements", "same vector", "RM acc (noisy)",
                "RM acc (true)", "RM in-intent", "best chance", "best SFT", "best after", "rounds");
        runs.forEach((kind, reports) -> {
            Simulator.Report last = reports.get(reports.size() - 1);
            out.printf("%-16s %11d %12s %15s %14s %13s %12.3f %10.3f %11.3f  %s%n", kind.label(), last.judgements(),
                    fmt(last.sameVector()), fmt(last.rewardAccuracyNoisy()), fmt(last.rewardAccuracyTrue()), fmt(last.rewardAccuracyWithinIntent()),
                    last.trueBestByChance(), reports.get(0).trueBestBefore(), last.trueBestAfter(),
                    reports.stream().map(r -> outcome(r.outcome())).collect(Collectors.joining(", ")));
        });
        runs.forEach((kind, reports) -> reports.stream().filter(r -> r.reason() != null).forEach(r -> out.println(kind.label()
                + " round " + r.round() + " " + outcome(r.outcome()) + ": " + r.reason())));
        legend(out, agreement);
    }

    private static void legend(PrintStream out, double agreement) {
        out.println("RM: the reward model the round's policy update used (vector, or cross: the cross-encoder). RM acc (noisy): "
                + "the chosen model on the judgements the round kept aside for measuring, each (ticket, reply pair) kept aside once by its reviewers' majority;"
                + " RM acc (true) and RM in-intent: the vector model, kept with the version.");
        out.println("RM acc (true): judged pairs kept aside with a true difference; RM in-intent: every two replies of a test ticket's "
                + "own intent whose true quality differs (0.5 is chance; equal scores count half).");
        out.println("same vector: share of those library pairs whose replies have identical features (the difference lies past the "
                + "encoder's 128 tokens). RM acc (noisy) is the gate's measure, in which an equal score counts half right.");
        out.printf("The reviewers' own noise caps reward-model accuracy against their labels near %.2f.%n", agreement);
    }

    static String outcome(String outcome) {
        return switch (outcome) {
            case RoundResult.PASS -> "promoted";
            case RoundResult.FAIL -> "rejected";
            default -> "needs evidence";
        };
    }

    private static String fmt(Double value) {
        return value == null ? "—" : String.format("%.3f", value);
    }
}
