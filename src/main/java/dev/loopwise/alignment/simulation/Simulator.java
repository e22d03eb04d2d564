package dev.loopwise.alignment.simulation;

import dev.loopwise.alignment.policy.PolicyUpdate;
import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.alignment.reward.RewardModel;
import dev.loopwise.alignment.round.AlignmentEngine;
import dev.loopwise.alignment.round.RoundData;
import dev.loopwise.alignment.round.RoundResult;
import dev.loopwise.alignment.round.RoundReward;
import dev.loopwise.alignment.round.RoundSettings;
import dev.loopwise.model.Vectors;
import dev.loopwise.model.intent.IntentTrainingConfig;
import dev.loopwise.model.policy.PolicyFeatures;
import dev.loopwise.model.policy.ReplyPolicy;
import dev.loopwise.model.registry.training.ModelTrainer;
import dev.loopwise.model.registry.training.WorkspaceSnapshot;
import dev.loopwise.model.registry.version.ModelBundle;
import dev.loopwise.ticket.TicketRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The whole loop in process, with simulated reviewers: a reply library from the data's agent replies
 * (with variants for text-level preferences, {@link ReplyVariants}), π_ref by SFT, then rounds of K
 * judgements on pairs from the current policy, each followed by an alignment round that is promoted only
 * if its gates pass. Measures what no real deployment can: agreement with the hidden true utility.
 */
public final class Simulator {
    public record Settings(int rounds, int judgementsPerRound, double agreement, double lambda, int repliesPerIntent, long seed,
                           RoundSettings round, PreferenceKind preference) {
        /** Today's simulation: the latent brand-voice preference. */
        public Settings(int rounds, int judgementsPerRound, double agreement, double lambda, int repliesPerIntent, long seed,
                        RoundSettings round) {
            this(rounds, judgementsPerRound, agreement, lambda, repliesPerIntent, seed, round, PreferenceKind.VOICE);
        }
    }

    /**
     * One round. Reward-model accuracy against the noisy held-out labels, against the truth on held-out
     * judged pairs, and against the truth within each intent (every pair of a test ticket's own-intent replies
     * whose true quality differs: can it read the property?); how often the served reply is truly best
     * before and after the round, and how often a random reply of the right intent would be. Where the model
     * scores two replies exactly alike (the same vector: the difference lies past the encoder's 128 tokens), it
     * counts as half right. {@code sameVector}: the share of those within-intent pairs whose replies have the
     * same features. {@code rewardModel}: which model the round's policy update used ({@code vector} or {@code cross});
 * the accuracies against the truth are the vector model's, which the candidate keeps. {@code outcome} is {@link RoundResult#PASS} (promoted), {@link RoundResult#FAIL} or {@link RoundResult#WAIT}.
     */
    public record Report(int round, int judgements, Double rewardAccuracyNoisy, Double rewardAccuracyTrue, double trueBestBefore,
                         double trueBestAfter, double kl, boolean promoted, String reason, Map<String, Long> millis,
                         String outcome, Double rewardAccuracyWithinIntent, double trueBestByChance, Double sameVector,
                         String rewardModel) {
    }

    private Simulator() {
    }

    public static List<Report> run(Settings settings, List<TicketRow> train, List<TicketRow> test, List<String> extraTickets,
                                   Function<List<String>, float[][]> embed, String encoderId, Consumer<String> progress) {
        return run(settings, train, test, extraTickets, embed, encoderId, null, progress);
    }

    /** @param cross where rounds may tune the cross-encoder reward model from (null: vector model only) */
    public static List<Report> run(Settings settings, List<TicketRow> train, List<TicketRow> test, List<String> extraTickets,
                                   Function<List<String>, float[][]> embed, String encoderId, RoundReward.CrossSource cross,
                                   Consumer<String> progress) {
        Random random = new Random(settings.seed());
        PreferenceKind preference = settings.preference();
        List<WorkspaceSnapshot.ReplyInfo> library = ReplyVariants.library(train, settings.repliesPerIntent(), preference, random);
        String[] replyIntents = library.stream().map(WorkspaceSnapshot.ReplyInfo::intent).toArray(String[]::new);
        SimulatedReviewers reviewers = new SimulatedReviewers(replyIntents, preference.qualities(library, settings.seed()),
                preference, settings.lambda(), settings.agreement(), settings.seed());
        progress.accept("Fine-tuning π_ref on " + train.size() + " tickets with agents' replies (" + library.size() + " library replies, "
                + "preference " + preference.label() + ")");
        ModelBundle reference = sft(train, test, library, embed, encoderId, settings.seed());
        PolicyView view = new PolicyView(embed, library);
        double chance = TruthMetrics.bestByChance(test, reviewers, replyIntents);
        Double sameVector = TruthMetrics.sameVector(view, reviewers, replyIntents);
        ModelBundle active = reference;
        List<PreferencePair> pairs = new ArrayList<>();
        List<Report> reports = new ArrayList<>();
        double before = view.trueBestRate(active, test, reviewers);
        for (int round = 1; round <= settings.rounds(); round++) {
            for (int k = 0; k < settings.judgementsPerRound(); k++) {
                TicketRow ticket = train.get(random.nextInt(train.size()));
                int[] pair = view.candidates(active, ticket.text(), random);
                boolean[] firstWins = {false};
                PreferencePair.Kind kind = reviewers.judge(ticket.label(), pair[0], pair[1], firstWins);
                int chosen = kind == PreferencePair.Kind.PREFERENCE && !firstWins[0] ? pair[1] : pair[0];
                int other = chosen == pair[0] ? pair[1] : pair[0];
                pairs.add(new PreferencePair(ticket.text(), library.get(chosen).text(), library.get(other).text(), kind, 0, 1,
                        ticket.text(), pairs.size()));
            }
            progress.accept("Round " + round + ": " + pairs.size() + " judgements; training the reward model and the policy");
            List<String> known = new ArrayList<>(train.stream().map(TicketRow::text).toList());
            known.addAll(extraTickets);
            RoundData data = new RoundData(active, reference.policy(), List.copyOf(pairs), known, library, List.of());
            RoundResult result = AlignmentEngine.run(settings.round(), data, embed, cross, (message, p) -> { });
            if (result.passed()) {
                active = result.candidate();
            }
            double after = view.trueBestRate(active, test, reviewers);
            RewardModel reward = new RewardModel(result.candidate().reward());
            reports.add(new Report(round, pairs.size(), (Double) result.metrics().get("reward/accuracy"),
                    TruthMetrics.judgedPairs(view, library, reward, pairs, settings.round(), reviewers, train),
                    before, after, ((Number) result.metrics().get("policy/kl")).doubleValue(), result.passed(), result.reason(),
                    result.stepMillis(), result.outcome(), TruthMetrics.withinIntent(view, reward, test, reviewers, replyIntents),
                    chance, sameVector, (String) result.metrics().getOrDefault("reward/model", "vector")));
            before = after;
        }
        return reports;
    }

    /** Up to {@code perIntent} distinct agent replies of each intent become the library. */
    static List<WorkspaceSnapshot.ReplyInfo> library(List<TicketRow> train, int perIntent, Random random) {
        Map<String, List<String>> byIntent = new TreeMap<>();
        train.stream().filter(t -> t.response() != null)
                .forEach(t -> byIntent.computeIfAbsent(t.label(), k -> new ArrayList<>()).add(t.response()));
        List<WorkspaceSnapshot.ReplyInfo> library = new ArrayList<>();
        long id = 1;
        for (var entry : byIntent.entrySet()) {
            List<String> replies = new ArrayList<>(new LinkedHashSet<>(entry.getValue()));
            Collections.shuffle(replies, random);
            for (String reply : replies.subList(0, Math.min(perIntent, replies.size()))) {
                library.add(new WorkspaceSnapshot.ReplyInfo(id++, entry.getKey(), reply));
            }
        }
        return library;
    }

    public static ModelBundle sft(List<TicketRow> train, List<TicketRow> test, List<WorkspaceSnapshot.ReplyInfo> library,
                                   Function<List<String>, float[][]> embed, String encoderId, long seed) {
        List<WorkspaceSnapshot.IntentInfo> intents = train.stream().map(TicketRow::label).distinct().sorted()
                .map(name -> new WorkspaceSnapshot.IntentInfo(name, "")).toList();
        List<WorkspaceSnapshot.TicketInfo> tickets = new ArrayList<>();
        long id = 1;
        for (TicketRow t : train) {
            tickets.add(new WorkspaceSnapshot.TicketInfo(id++, t.text(), t.label(), t.response(), "train"));
        }
        for (TicketRow t : test) {
            tickets.add(new WorkspaceSnapshot.TicketInfo(id++, t.text(), t.label(), null, "test"));
        }
        return ModelTrainer.train(new ModelTrainer.Settings(IntentTrainingConfig.AUTO, seed, 8, 0.98, 0.3, 32, 15),
                new WorkspaceSnapshot(intents, tickets, library), embed, encoderId, (m, p) -> { }).bundle();
    }

    /** The policy's view of tickets and the library, for choosing candidates and measuring true utility. */
    static final class PolicyView {
        private final Function<List<String>, float[][]> embed;
        private final List<WorkspaceSnapshot.ReplyInfo> library;
        private final float[][] replyFeatures;
        private final Map<String, float[]> ticketVectors = new HashMap<>();
        private RewardModel scored;
        private ReplyPolicy.PreparedReply[] prepared;

        PolicyView(Function<List<String>, float[][]> embed, List<WorkspaceSnapshot.ReplyInfo> library) {
            this.embed = embed;
            this.library = library;
            float[][] vectors = embed.apply(library.stream().map(WorkspaceSnapshot.ReplyInfo::text).toList());
            replyFeatures = new float[library.size()][];
            for (int a = 0; a < library.size(); a++) {
                replyFeatures[a] = PolicyFeatures.reply(vectors[a], library.get(a).text());
            }
        }

        double[] distribution(ModelBundle bundle, String text) {
            float[] e = ticketVectors.computeIfAbsent(text, t -> embed.apply(List.of(t))[0]);
            ReplyPolicy policy = bundle.policy();
            return policy.distribution(PolicyFeatures.ticket(e, text), PolicyUpdate.prepare(policy, replyFeatures),
                    ReplyPolicy.logPrior(bundle.intent(), e, library.stream().map(WorkspaceSnapshot.ReplyInfo::intent).toList()));
        }

        /** The policy's first choice against its second (half the time) or a sample from it. */
        int[] candidates(ModelBundle bundle, String text, Random random) {
            double[] pi = distribution(bundle, text);
            int first = Vectors.argmax(pi);
            double[] rest = pi.clone();
            rest[first] = 0;
            int second = random.nextBoolean() ? Vectors.argmax(rest) : sample(rest, random);
            return new int[] {first, second == first ? (first + 1) % pi.length : second};
        }

        /** How often the policy's first reply is as good as the truly best one (pass/fail kinds have several). */
        double trueBestRate(ModelBundle bundle, List<TicketRow> test, SimulatedReviewers truth) {
            embedAll(test.stream().map(TicketRow::text).toList());
            int best = 0;
            for (TicketRow t : test) {
                best += truth.isBest(t.label(), Vectors.argmax(distribution(bundle, t.text()))) ? 1 : 0;
            }
            return (double) best / test.size();
        }

        boolean sameFeatures(int a, int b) {
            return Arrays.equals(replyFeatures[a], replyFeatures[b]);
        }

        /** The reward model's scores of these library replies for this ticket (the replies prepared once per model). */
        double[] rewardScores(RewardModel reward, String ticket, int... replies) {
            if (reward != scored) {
                scored = reward;
                prepared = new ReplyPolicy.PreparedReply[library.size()];
            }
            embedAll(List.of(ticket));
            float[] x = PolicyFeatures.ticket(ticketVectors.get(ticket), ticket);
            float[] query = reward.scorer().queryPart(x);
            double[] scores = new double[replies.length];
            for (int i = 0; i < replies.length; i++) {
                int a = replies[i];
                if (prepared[a] == null) {
                    prepared[a] = reward.prepare(replyFeatures[a]);
                }
                scores[i] = reward.scorer().score(query, x, prepared[a]);
            }
            return scores;
        }

        private void embedAll(List<String> texts) {
            List<String> missing = texts.stream().filter(t -> !ticketVectors.containsKey(t)).distinct().toList();
            if (!missing.isEmpty()) {
                float[][] v = embed.apply(missing);
                for (int i = 0; i < missing.size(); i++) {
                    ticketVectors.put(missing.get(i), v[i]);
                }
            }
        }

        private static int sample(double[] weights, Random random) {
            double total = Arrays.stream(weights).sum();
            double r = random.nextDouble() * total;
            for (int a = 0; a < weights.length; a++) {
                r -= weights[a];
                if (r <= 0 && weights[a] > 0) {
                    return a;
                }
            }
            return Vectors.argmax(weights);
        }
    }
}
