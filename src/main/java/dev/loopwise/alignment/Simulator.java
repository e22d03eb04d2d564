package dev.loopwise.alignment;

import dev.loopwise.model.IntentTrainingConfig;
import dev.loopwise.model.ModelBundle;
import dev.loopwise.model.ModelTrainer;
import dev.loopwise.model.PolicyFeatures;
import dev.loopwise.model.ReplyPolicy;
import dev.loopwise.model.Vectors;
import dev.loopwise.model.WorkspaceSnapshot;
import dev.loopwise.ticket.TicketRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The whole loop in process, with simulated reviewers: a reply library from the data's agent replies,
 * π_ref by SFT, then rounds of K judgements on pairs from the current policy, each followed by an
 * alignment round that is promoted only if its gates pass. Measures what no real deployment can:
 * agreement with the hidden true utility.
 */
public final class Simulator {
    public record Settings(int rounds, int judgementsPerRound, double agreement, double lambda, int repliesPerIntent, long seed,
                           RoundSettings round) {
    }

    /** One round: reward-model accuracy against the noisy held-out labels and against the truth; true-best rates. */
    public record Report(int round, int judgements, Double rewardAccuracyNoisy, Double rewardAccuracyTrue, double trueBestBefore,
                         double trueBestAfter, double kl, boolean promoted, String reason, Map<String, Long> millis) {
    }

    private Simulator() {
    }

    public static List<Report> run(Settings settings, List<TicketRow> train, List<TicketRow> test, List<String> extraTickets,
                                   Function<List<String>, float[][]> embed, String encoderId, Consumer<String> progress) {
        Random random = new Random(settings.seed());
        List<WorkspaceSnapshot.ReplyInfo> library = library(train, settings.repliesPerIntent(), random);
        String[] replyIntents = library.stream().map(WorkspaceSnapshot.ReplyInfo::intent).toArray(String[]::new);
        SimulatedReviewers reviewers = new SimulatedReviewers(replyIntents, settings.lambda(), settings.agreement(), settings.seed());
        progress.accept("Fine-tuning π_ref on " + train.size() + " tickets with agents' replies (" + library.size() + " library replies)");
        ModelBundle reference = sft(train, test, library, embed, encoderId, settings.seed());
        PolicyView view = new PolicyView(embed, library);
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
            RoundResult result = AlignmentEngine.run(settings.round(), data, embed, (message, p) -> { });
            if (result.passed()) {
                active = result.candidate();
            }
            double after = view.trueBestRate(active, test, reviewers);
            reports.add(new Report(round, pairs.size(), (Double) result.metrics().get("reward/accuracy"),
                    view.rewardAccuracyAgainstTruth(new RewardModel(result.candidate().reward()), pairs, settings.round(), reviewers,
                            replyIntentsOf(library, pairs), train),
                    before, after, ((Number) result.metrics().get("policy/kl")).doubleValue(), result.passed(), result.reason(),
                    result.stepMillis()));
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
            List<String> replies = new ArrayList<>(new java.util.LinkedHashSet<>(entry.getValue()));
            Collections.shuffle(replies, random);
            for (String reply : replies.subList(0, Math.min(perIntent, replies.size()))) {
                library.add(new WorkspaceSnapshot.ReplyInfo(id++, entry.getKey(), reply));
            }
        }
        return library;
    }

    static ModelBundle sft(List<TicketRow> train, List<TicketRow> test, List<WorkspaceSnapshot.ReplyInfo> library,
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

    private static Map<String, String> replyIntentsOf(List<WorkspaceSnapshot.ReplyInfo> library, List<PreferencePair> pairs) {
        Map<String, String> intents = new java.util.HashMap<>();
        library.forEach(r -> intents.put(r.text(), r.intent()));
        return intents;
    }

    /** The policy's view of tickets and the library, for choosing candidates and measuring true utility. */
    static final class PolicyView {
        private final Function<List<String>, float[][]> embed;
        private final List<WorkspaceSnapshot.ReplyInfo> library;
        private final float[][] replyFeatures;
        private final Map<String, float[]> ticketVectors = new java.util.HashMap<>();

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

        double trueBestRate(ModelBundle bundle, List<TicketRow> test, SimulatedReviewers truth) {
            embedAll(test.stream().map(TicketRow::text).toList());
            int best = 0;
            for (TicketRow t : test) {
                best += Vectors.argmax(distribution(bundle, t.text())) == truth.best(t.label()) ? 1 : 0;
            }
            return (double) best / test.size();
        }

        Double rewardAccuracyAgainstTruth(RewardModel reward, List<PreferencePair> pairs, RoundSettings settings,
                                          SimulatedReviewers truth, Map<String, String> replyIntent, List<TicketRow> train) {
            Map<String, String> ticketIntent = new java.util.HashMap<>();
            train.forEach(t -> ticketIntent.put(t.text(), t.label()));
            Map<String, Integer> index = new java.util.HashMap<>();
            for (int a = 0; a < library.size(); a++) {
                index.put(library.get(a).text(), a);
            }
            int n = 0;
            int right = 0;
            for (PreferencePair p : pairs) {
                if (!AlignmentEngine.isHeldOut(p.group(), settings)) {
                    continue;
                }
                int a = index.get(p.first());
                int b = index.get(p.second());
                String intent = ticketIntent.get(p.prompt());
                double du = truth.utility(intent, a) - truth.utility(intent, b);
                if (du == 0) {
                    continue;
                }
                float[] e = ticketVectors.computeIfAbsent(p.prompt(), t -> embed.apply(List.of(t))[0]);
                float[] x = PolicyFeatures.ticket(e, p.prompt());
                double dr = reward.score(x, reward.prepare(replyFeatures[a])) - reward.score(x, reward.prepare(replyFeatures[b]));
                n++;
                right += (dr > 0) == (du > 0) ? 1 : 0;
            }
            return n == 0 ? null : (double) right / n;
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
            double total = java.util.Arrays.stream(weights).sum();
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
