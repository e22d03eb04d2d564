package dev.loopwise.alignment;

import dev.loopwise.cli.CliFiles;
import dev.loopwise.model.CliEncoder;
import dev.loopwise.model.EncoderOptions;
import dev.loopwise.ticket.TicketRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loopwise simulate}: the whole loop with simulated reviewers, in process and without a database,
 * on any file of labelled tickets with agent replies (text, label, response, split).
 */
@Command(name = "simulate", description = "Run the feedback loop with simulated reviewers on a labelled file; prints a table per round.")
public class SimulateCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "CSV or JSONL with text, label, response and split (train/test).")
    Path data;

    @Option(names = "--rounds", defaultValue = "4", description = "Rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--judgements", defaultValue = "500", description = "Judgements per round (default: ${DEFAULT-VALUE}).")
    int judgements;

    @Option(names = "--agreement", defaultValue = "0.75", description = "How often a simulated reviewer reports the truly better reply (default: ${DEFAULT-VALUE}).")
    double agreement;

    @Option(names = "--voice-weight", defaultValue = "0.5", description = "Weight λ of the hidden brand-voice quality in the true utility (default: ${DEFAULT-VALUE}).")
    double lambda;

    @Option(names = "--replies-per-intent", defaultValue = "4", description = "Library replies per intent, taken from agent replies (default: ${DEFAULT-VALUE}).")
    int repliesPerIntent;

    @Option(names = "--method", defaultValue = "reward_weighted", description = "reward_weighted or dpo (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--beta", defaultValue = "0.5", description = "KL strength β (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--extra-tickets", description = "More tickets (a text column) the policy update also runs on, as served traffic would.")
    Path extraTickets;

    @Mixin
    EncoderOptions encoderOptions;

    @Override
    public Integer call() throws Exception {
        List<TicketRow> train = new ArrayList<>();
        List<TicketRow> test = new ArrayList<>();
        for (TicketRow row : CliFiles.tickets(data)) {
            if (row.label() == null) {
                continue;
            }
            ("test".equalsIgnoreCase(row.split()) ? test : train).add(row);
        }
        if (test.isEmpty() || train.stream().noneMatch(r -> r.response() != null)) {
            throw new IllegalArgumentException(data + " needs 'test' rows and training rows with a 'response' (the agent's reply).");
        }
        List<String> extra = extraTickets == null ? List.of() : CliFiles.tickets(extraTickets).stream().map(TicketRow::text).toList();
        RoundSettings round = new RoundSettings(method, beta, seed, RewardTrainer.Config.defaults(seed), 8, 0.2, 0.55, 0.02, 2.0);
        try (CliEncoder encoder = encoderOptions.open()) {
            System.out.println("encoder: " + encoder.spec().describe());
            System.out.printf("%-6s %11s %16s %16s %14s %14s %8s %9s %8s%n", "round", "judgements", "RM acc (noisy)", "RM acc (true)",
                    "best before", "best after", "KL", "promoted", "seconds");
            List<Simulator.Report> reports = Simulator.run(new Simulator.Settings(rounds, judgements, agreement, lambda, repliesPerIntent,
                    seed, round), train, test, extra, encoder::embed, encoder.id(), System.err::println);
            for (Simulator.Report r : reports) {
                System.out.printf("%-6d %11d %16s %16s %14.3f %14.3f %8.3f %9s %8.1f%n", r.round(), r.judgements(), fmt(r.rewardAccuracyNoisy()),
                        fmt(r.rewardAccuracyTrue()), r.trueBestBefore(), r.trueBestAfter(), r.kl(), r.promoted() ? "yes" : "no",
                        r.millis().values().stream().mapToLong(Long::longValue).sum() / 1000.0);
            }
            System.out.println();
            System.out.printf("%-6s %10s %10s %10s %10s (seconds per step of each round)%n", "round", "encode", "reward", "policy", "evaluate");
            for (Simulator.Report r : reports) {
                System.out.printf("%-6d %10.1f %10.1f %10.1f %10.1f%n", r.round(), r.millis().get("encode") / 1000.0,
                        r.millis().get("reward") / 1000.0, r.millis().get("policy") / 1000.0, r.millis().get("evaluate") / 1000.0);
            }
            reports.stream().filter(r -> r.reason() != null).forEach(r -> System.out.println("round " + r.round() + " not promoted: " + r.reason()));
            System.out.printf("The reviewers' own noise caps reward-model accuracy against their labels near %.2f.%n", agreement);
        }
        return 0;
    }

    private static String fmt(Double value) {
        return value == null ? "—" : String.format("%.3f", value);
    }
}
