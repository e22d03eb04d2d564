package dev.loopwise.alignment.simulation;

import dev.loopwise.alignment.reward.RewardTrainer;
import dev.loopwise.alignment.round.RoundReward;
import dev.loopwise.alignment.round.RoundSettings;
import dev.loopwise.common.CommandLineMessages;
import dev.loopwise.model.encoder.CliEncoder;
import dev.loopwise.model.encoder.EncoderOptions;
import dev.loopwise.ticket.CliFiles;
import dev.loopwise.ticket.TicketRow;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

    @Option(names = "--voice-weight", defaultValue = "0.5", description = "Weight λ of the hidden quality (of the chosen preference) in the true utility (default: ${DEFAULT-VALUE}).")
    double lambda;

    @Option(names = "--preference", defaultValue = "voice", description = "What the simulated reviewers value besides the intent: "
            + "voice (a latent quality per reply), concise, no_false_action, sign_off, or all (one summary row each) (default: ${DEFAULT-VALUE}).")
    String preference;

    @Option(names = "--replies-per-intent", defaultValue = "4", description = "Library replies per intent, taken from agent replies (default: ${DEFAULT-VALUE}).")
    int repliesPerIntent;

    @Option(names = "--method", defaultValue = "reward_weighted", description = "reward_weighted or dpo (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--beta", defaultValue = "0.5", description = "KL strength β (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--reward-model", defaultValue = "vector", description = "The rounds' reward model: vector, cross "
            + "(a cross-encoder tuned from the encoder) or auto (cross from 200 judgements on, where clearly more accurate) "
            + "(default: ${DEFAULT-VALUE}).")
    String rewardModel;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--drafts", defaultValue = "0", description = "Best-of-n instead of rounds: a simulated LLM writes this many drafts "
            + "of mixed quality per ticket, serving's scorer picks among them and the library's replies, reviewers judge draft "
            + "items, and the table compares the pick with the first draft, a random draft and the library alone (default: ${DEFAULT-VALUE}, off).")
    int drafts;

    @Option(names = "--checkpoints", defaultValue = "500,1000,2000", split = ",", description = "With --drafts: judgements after which "
            + "the reward model is trained and measured (default: ${DEFAULT-VALUE}).")
    List<Integer> checkpoints;

    @Option(names = "--test-tickets", defaultValue = "1000", description = "With --drafts: tickets kept aside for measuring that are measured, at most (default: ${DEFAULT-VALUE}).")
    int testTickets;

    @Option(names = "--off-topic", defaultValue = "0.25", description = "With --drafts: share of drafts written from another intent's reply (default: ${DEFAULT-VALUE}).")
    double offTopic;

    @Option(names = "--extra-tickets", description = "More tickets (a text column) the policy update also runs on, as served traffic would.")
    Path extraTickets;

    @Mixin
    EncoderOptions encoderOptions;

    @Spec
    CommandSpec spec;

    /** Fewer leave a round nothing to keep aside for measuring, or nothing to train on. */
    static final int MIN_JUDGEMENTS = 20;

    static final List<String> DRAFTS_ONLY = List.of("--checkpoints", "--test-tickets", "--off-topic");
    /**
     * What best-of-n does not use: it trains the reward model at --checkpoints instead of rounds of --judgements, never
     * updates the policy (--method, --beta, --extra-tickets), and scores with the vector reward model, as serving does.
     */
    static final List<String> ROUND_ONLY = List.of("--rounds", "--judgements", "--method", "--beta", "--reward-model", "--extra-tickets");

    /**
     * A round's settings from the command's options, each refused by its option's name: the round's own refusals name its
     * fields ("rewardModel must be …"), which the command's user never typed.
     */
    static RoundSettings roundSettings(String method, double beta, long seed, String rewardModel) {
        if (!List.of(RoundSettings.REWARD_WEIGHTED, RoundSettings.DPO).contains(method)) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--method", "reward_weighted or dpo", "'" + method + "'"));
        }
        if (!(beta >= RoundSettings.MIN_BETA) || beta > RoundSettings.MAX_BETA) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--beta", "from " + RoundSettings.MIN_BETA + " to 100"
                    + " (smaller follows the reward more)", beta));
        }
        if (!List.of(RoundSettings.AUTO_REWARD, RoundSettings.VECTOR_REWARD, RoundSettings.CROSS_REWARD).contains(rewardModel)) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--reward-model", "auto, vector or cross",
                    "'" + rewardModel + "'"));
        }
        return new RoundSettings(method, beta, seed, RewardTrainer.Config.defaults(seed), rewardModel, 8, 0.2, 0.55, 0.02, 2.0);
    }

    @Override
    public Integer call() throws Exception {
        encoderOptions.check();
        // Checked before the file is read and anything trained: each would otherwise run to an empty or meaningless table.
        if (drafts == 0 && rounds < 1) {
            throw new IllegalArgumentException("--rounds must be 1 or more (rounds of judgements and policy updates to simulate).");
        }
        if (!(agreement >= 0 && agreement <= 1)) {
            throw new IllegalArgumentException("--agreement is how often a simulated reviewer picks the truly better reply: a share"
                    + " from 0 to 1 (0.75: three times in four), not " + agreement + ".");
        }
        if (repliesPerIntent < 1) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--replies-per-intent", "1 or more", repliesPerIntent));
        }
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--voice-weight", "0 or more", lambda));
        }
        checkDraftOptions();
        boolean all = "all".equalsIgnoreCase(preference.trim());
        List<PreferenceKind> kinds;
        try {
            kinds = all ? List.of(PreferenceKind.values()) : List.of(PreferenceKind.parse(preference));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace(", not ", " or all, not "), e);
        }
        // Its checks (--method, --beta, --reward-model) come before the file is read, too.
        RoundSettings round = roundSettings(method, beta, seed, rewardModel);
        SimulationData files = SimulationData.read(data);
        List<TicketRow> train = files.train();
        List<TicketRow> test = files.test();
        List<String> extra = extraTickets == null ? List.of() : CliFiles.tickets(extraTickets).stream().map(TicketRow::text).toList();
        if (extraTickets != null && extra.isEmpty()) {
            throw new IllegalArgumentException(CommandLineMessages.noExtraTickets(extraTickets));
        }
        try (CliEncoder encoder = encoderOptions.open()) {
            System.out.println("encoder: " + encoder.spec().describe());
            if (drafts > 0) {
                return bestOfN(kinds, round, train, test, encoder);
            }
            Map<PreferenceKind, List<Simulator.Report>> runs = new LinkedHashMap<>();
            for (PreferenceKind kind : kinds) {
                runs.put(kind, Simulator.run(new Simulator.Settings(rounds, judgements, agreement, lambda, repliesPerIntent, seed, round,
                        kind), train, test, extra, encoder::embed, encoder.id(), cross(encoder), System.err::println));
            }
            if (all) {
                SimulationTables.summary(System.out, runs, agreement);
            } else {
                SimulationTables.rounds(System.out, runs.get(kinds.get(0)), agreement);
            }
        }
        return 0;
    }

    /** The options of best-of-n, and of rounds, each meaningful only in its own mode. */
    private void checkDraftOptions() {
        // 0 is the default that means rounds; written out, it would silently run them instead of best-of-n.
        if (drafts < 0 || drafts == 0 && !given(List.of("--drafts")).isEmpty()) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--drafts", "1 or more (drafts per ticket), or left out to"
                    + " simulate rounds", drafts));
        }
        if (drafts == 0) {
            List<String> given = given(DRAFTS_ONLY);
            if (!given.isEmpty()) {
                throw new IllegalArgumentException(CommandLineMessages.onlyWith(String.join(", ", given), "--drafts N"));
            }
            if (judgements < MIN_JUDGEMENTS) {
                throw new IllegalArgumentException(CommandLineMessages.outOfRange("--judgements", MIN_JUDGEMENTS + " or more (a round"
                        + " keeps some of them aside to measure its reward model)", judgements));
            }
            return;
        }
        List<String> roundOnly = given(ROUND_ONLY);
        if (!roundOnly.isEmpty()) {
            throw new IllegalArgumentException(CommandLineMessages.notWith(String.join(", ", roundOnly), "--drafts N",
                    "simulating rounds"));
        }
        if (checkpoints.isEmpty() || checkpoints.stream().anyMatch(c -> c < MIN_JUDGEMENTS)) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--checkpoints", "a list of numbers of " + MIN_JUDGEMENTS
                    + " or more (judgements after which best-of-n is measured)", checkpoints.stream().map(String::valueOf)
                    .collect(Collectors.joining(","))));
        }
        if (!(offTopic >= 0 && offTopic <= 1)) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--off-topic", "a share from 0 to 1", offTopic));
        }
        if (testTickets < 1) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--test-tickets", "1 or more", testTickets));
        }
    }

    /** Of {@code options}, those written on the command line (a default alone is no choice to refuse). */
    private List<String> given(List<String> options) {
        return options.stream().filter(option -> spec.commandLine().getParseResult().hasMatchedOption(option)).toList();
    }

    private int bestOfN(List<PreferenceKind> kinds, RoundSettings round, List<TicketRow> train, List<TicketRow> test, CliEncoder encoder) {
        DraftTables.header(System.out);
        int tickets = 0;
        for (PreferenceKind kind : kinds) {
            List<DraftReport> reports = DraftSimulator.run(new DraftSimulator.Settings(drafts, checkpoints.stream().sorted().toList(), agreement,
                    lambda, repliesPerIntent, seed, round, kind, offTopic, testTickets), train, test, encoder::embed, encoder.id(),
                    System.err::println);
            DraftTables.rows(System.out, kind, reports);
            tickets = reports.get(0).tickets();
        }
        DraftTables.legend(System.out, tickets, drafts, agreement);
        return 0;
    }

    private RoundReward.CrossSource cross(CliEncoder encoder) {
        return rewardModel.equals(RoundSettings.VECTOR_REWARD) ? null : new RoundReward.CrossSource(encoder.spec().tuningSource(), null);
    }
}
