package dev.loopwise.alignment.simulation;

import dev.loopwise.alignment.round.RoundSettings;
import dev.loopwise.common.CommandLineMessages;
import dev.loopwise.model.encoder.CliEncoder;
import dev.loopwise.model.encoder.EncoderOptions;
import dev.loopwise.ticket.TicketRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loopwise bench-gates}: A/A rounds with reviewers answering at random, on any labelled file with
 * agent replies. Prints how many were promoted (the gates' false-positive rate), rejected, or left waiting.
 */
@Command(name = "bench-gates", description = "Null (A/A) alignment rounds with random reviewers: how often the gates promote when nothing improved.")
public class BenchGatesCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "CSV or JSONL with text, label, response and split (train/test).")
    Path data;

    @Option(names = "--rounds", defaultValue = "100", description = "Null rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--judgements", defaultValue = "300,1000", split = ",", description = "Judgements per round, one row each (default: ${DEFAULT-VALUE}).")
    List<Integer> judgements;

    @Option(names = "--method", defaultValue = "reward_weighted", description = "reward_weighted or dpo (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    EncoderOptions encoderOptions;

    @Override
    public Integer call() throws Exception {
        encoderOptions.check();
        // Checked before the file is read and anything trained: none would end in a table of nothing, too few in a failure.
        if (rounds < 1) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--rounds", "1 or more (null rounds per row)", rounds));
        }
        for (int perRound : judgements) {
            if (perRound < SimulateCommand.MIN_JUDGEMENTS) {
                throw new IllegalArgumentException(CommandLineMessages.outOfRange("--judgements", "a list of numbers of "
                        + SimulateCommand.MIN_JUDGEMENTS + " or more (a round keeps some judgements aside to measure its reward model)",
                        perRound));
            }
        }
        RoundSettings template = SimulateCommand.roundSettings(method, 0.5, seed, RoundSettings.VECTOR_REWARD);
        SimulationData files = SimulationData.read(data);
        List<TicketRow> train = files.train();
        List<TicketRow> test = files.test();
        try (CliEncoder encoder = encoderOptions.open()) {
            System.out.println("encoder: " + encoder.spec().describe());
            List<NullRounds.Tally> tallies = new ArrayList<>();
            for (int perRound : judgements) {
                tallies.add(NullRounds.run(rounds, perRound, template, train, test, encoder::embed, encoder.id(), System.err::println));
            }
            System.out.printf("%-22s %8s %10s %10s %10s %12s%n", "judgements per round", "rounds", "promoted", "rejected", "waiting",
                    "promoted %");
            for (NullRounds.Tally t : tallies) {
                System.out.printf("%-22d %8d %10d %10d %10d %11.1f%%%n", t.judgementsPerRound(), t.rounds(), t.promoted(), t.rejected(),
                        t.waiting(), 100 * t.promotedShare());
            }
            System.out.println("Reviewers answered at random, so no candidate was truly better: every promotion is a false positive "
                    + "(the gates' tests are set to at most 5%).");
        }
        return 0;
    }
}
