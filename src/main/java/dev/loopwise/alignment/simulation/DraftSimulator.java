package dev.loopwise.alignment.simulation;

import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.alignment.reward.HeldOutPreferences;
import dev.loopwise.alignment.round.AlignmentEngine;
import dev.loopwise.alignment.round.RoundData;
import dev.loopwise.alignment.round.RoundFeatures;
import dev.loopwise.alignment.round.RoundReward;
import dev.loopwise.alignment.round.RoundSettings;
import dev.loopwise.common.EvalMessages;
import dev.loopwise.llm.BestOfN;
import dev.loopwise.model.policy.PolicyFeatures;
import dev.loopwise.model.policy.ReplyPolicy;
import dev.loopwise.model.registry.version.ModelBundle;
import dev.loopwise.model.registry.version.ServingModel;
import dev.loopwise.model.registry.training.WorkspaceSnapshot;
import dev.loopwise.ticket.SlotFiller;
import dev.loopwise.ticket.TicketRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Best-of-n with simulated reviewers ({@code simulate --drafts N}): does the reward model's pick among the LLM's drafts
 * and the library's replies serve the truly best candidate more often than the LLM's first draft would?
 *
 * <p>The loop is serving's: π_ref (SFT) offers its favourite library replies, a simulated LLM ({@link SimulatedLlm})
 * writes n drafts, {@link BestOfN#choose} scores them all and serves the best servable one. Review items pair the served
 * candidate with the runner-up when one of them is a draft (as {@code DraftReviewItems} does), simulated reviewers
 * judge them, and at each checkpoint the round's reward-model step ({@link RoundReward}) trains on all judgements so far;
 * best-of-n then scores with it. The library policy stays π_ref throughout, so only the scorer changes.
 * Held-out test tickets get the same drafts at every checkpoint, so the rows compare like with like.
 */
final class DraftSimulator {
    /** Serving's defaults: library replies offered beside the drafts, and how close a draft must stay to one of them. */
    static final int LIBRARY_CANDIDATES = 3;
    static final double MIN_LIBRARY_SIMILARITY = 0.5;

    record Settings(int drafts, List<Integer> checkpoints, double agreement, double lambda, int repliesPerIntent, long seed,
                    RoundSettings round, PreferenceKind preference, double offTopic, int testTickets) {
    }

    private final Settings settings;
    private final Function<List<String>, float[][]> embed;
    private final Map<String, float[]> vectors = new HashMap<>();
    private List<WorkspaceSnapshot.ReplyInfo> library;
    private Map<String, Double> voices;
    private ModelBundle reference;
    private ServingModel sft;

    private DraftSimulator(Settings settings, Function<List<String>, float[][]> embed) {
        this.settings = settings;
        this.embed = embed;
    }

    static List<DraftReport> run(Settings settings, List<TicketRow> train, List<TicketRow> test, Function<List<String>, float[][]> embed,
                                 String encoderId, Consumer<String> progress) {
        return new DraftSimulator(settings, embed).run(train, test, encoderId, progress);
    }

    private List<DraftReport> run(List<TicketRow> train, List<TicketRow> test, String encoderId, Consumer<String> progress) {
        PreferenceKind kind = settings.preference();
        Random random = new Random(settings.seed());
        library = ReplyVariants.library(train, settings.repliesPerIntent(), kind, random);
        double[] q = kind.qualities(library, settings.seed());
        voices = new HashMap<>();
        for (int a = 0; a < library.size(); a++) {
            voices.putIfAbsent(library.get(a).text(), q[a]);
        }
        progress.accept("Fine-tuning π_ref on " + train.size() + " tickets (" + library.size() + " library replies, preference "
                + kind.label() + ")");
        reference = Simulator.sft(train, test, library, embed, encoderId, settings.seed());
        sft = serving(reference);
        SimulatedLlm llm = new SimulatedLlm(train, kind, settings.offTopic());
        List<TicketRow> held = new ArrayList<>(test);
        Collections.shuffle(held, new Random(settings.seed() + 1));
        held = held.subList(0, Math.min(held.size(), settings.testTickets()));
        List<DraftCandidates> evaluation = candidates(held, llm, new Random(settings.seed() + 2), settings.seed() + 3);
        List<DraftReport> reports = new ArrayList<>();
        reports.add(DraftReport.of(0, BestOfN.scorerName(sft), null, evaluation, choices(sft, evaluation), settings.seed()));
        List<PreferencePair> pairs = new ArrayList<>();
        ServingModel current = sft;
        long ticketSeed = settings.seed() * 7_919L;
        int attempts = 0;
        for (int checkpoint : settings.checkpoints()) {
            long start = System.nanoTime();
            while (pairs.size() < checkpoint) {
                if (++attempts > 50 * checkpoint + 1000) {
                    throw new IllegalStateException("Few served answers pair a draft with another candidate: " + pairs.size()
                            + " judgements after " + attempts + " tickets; give more drafts (--drafts).");
                }
                List<TicketRow> batch = IntStream.range(0, 64).mapToObj(i -> train.get(random.nextInt(train.size()))).toList();
                List<DraftCandidates> served = candidates(batch, llm, random, ticketSeed += batch.size());
                List<BestOfN.Choice> choices = choices(current, served);
                for (int i = 0; i < served.size() && pairs.size() < checkpoint; i++) {
                    judge(served.get(i), choices.get(i), pairs);
                }
            }
            progress.accept("Preference " + kind.label() + ": " + pairs.size() + " judgements on draft items; training the reward model");
            Map<String, Object> metrics = new LinkedHashMap<>();
            ReplyPolicy reward = trainReward(pairs, metrics);
            current = serving(new ModelBundle(reference.encoderId(), reference.intent(), reference.policy(), reward));
            DraftReport report = DraftReport.of(pairs.size(), BestOfN.scorerName(current), (Double) metrics.get("heldout_accuracy"),
                    evaluation, choices(current, evaluation), settings.seed());
            reports.add(report.withSeconds((System.nanoTime() - start) / 1e9));
        }
        return reports;
    }

    /** The round's reward-model step on every judgement so far, with the round's held-out share kept aside and measured. */
    private ReplyPolicy trainReward(List<PreferencePair> pairs, Map<String, Object> metrics) {
        RoundData data = new RoundData(reference, reference.policy(), List.copyOf(pairs), List.of(), library, List.of());
        RoundFeatures features = new RoundFeatures(this::embed, data);
        List<PreferencePair> fit = new ArrayList<>();
        List<PreferencePair> heldOut = new ArrayList<>();
        for (PreferencePair pair : pairs) {
            (AlignmentEngine.isHeldOut(pair.group(), settings.round()) ? heldOut : fit).add(pair);
        }
        // With no comparison left, or each of a reply with itself, no gradient moves: DJL would say only "Gradient values are all zeros".
        long alike = fit.stream().filter(p -> !p.teaches()).count();
        if (alike == fit.size()) {
            throw new IllegalArgumentException(EvalMessages.draftRewardNothingToLearn(settings.preference().label(), pairs.size(),
                    heldOut.size(), (int) alike));
        }
        try (RoundReward reward = RoundReward.train(settings.round(), fit, features, null, null, (m, p) -> { }, metrics)) {
            if (!heldOut.isEmpty()) {
                metrics.put("heldout_accuracy", heldOutAccuracy(heldOut, judged -> reward.deltas(judged, features)));
            }
            return reward.vector.model().scorer();
        }
    }

    /**
     * The reward model's accuracy on the held-out judgements as the round's gates measure it ({@link HeldOutPreferences#measure}):
     * once per (ticket, reply pair), by its reviewers' majority; null with no preference to measure on.
     */
    static Double heldOutAccuracy(List<PreferencePair> heldOut, Function<List<PreferencePair>, double[]> deltas) {
        return HeldOutPreferences.measure(heldOut, deltas).reward().accuracy();
    }

    /** A review item as {@code DraftReviewItems} makes it — the served candidate against the best other servable one, when either is a draft — judged. */
    private void judge(DraftCandidates c, BestOfN.Choice choice, List<PreferencePair> pairs) {
        int served = choice.best();
        int other = -1;
        for (int i = 0; i < choice.scored().size(); i++) {
            if (i != served && choice.scored().get(i).servable() && (other < 0 || choice.scored().get(i).score() > choice.scored().get(other).score())) {
                other = i;
            }
        }
        if (other < 0 || (served < c.libraryCount && other < c.libraryCount)) {
            return;
        }
        boolean[] firstWins = {false};
        PreferencePair.Kind verdict = c.truth.judge(c.intent, served, other, firstWins);
        int chosen = verdict == PreferencePair.Kind.PREFERENCE && !firstWins[0] ? other : served;
        int rejected = chosen == served ? other : served;
        pairs.add(new PreferencePair(c.ticket, c.texts.get(chosen), c.texts.get(rejected), verdict, 0, 1, c.ticket, pairs.size()));
    }

    /** For each ticket: π_ref's favourite library replies and n fresh drafts, with the truth about them. */
    private List<DraftCandidates> candidates(List<TicketRow> tickets, SimulatedLlm llm, Random random, long seed) {
        embed(tickets.stream().map(TicketRow::text).toList());
        List<DraftCandidates> out = new ArrayList<>();
        for (int t = 0; t < tickets.size(); t++) {
            TicketRow ticket = tickets.get(t);
            float[] x = vectors.get(ticket.text());
            double[] pi = sft.replyDistribution(x, ticket.text(), reference.intent().predict(x));
            List<WorkspaceSnapshot.ReplyInfo> offered = IntStream.range(0, pi.length).boxed().sorted(Comparator.comparingDouble(a -> -pi[a]))
                    .limit(LIBRARY_CANDIDATES).map(library::get).toList();
            out.add(DraftCandidates.of(ticket.text(), ticket.label(), offered, llm.drafts(ticket.label(), settings.drafts(), random),
                    settings.preference(), voices, settings.lambda(), settings.agreement(), settings.seed(), seed * 31 + t));
        }
        return out;
    }

    /** What serving would send for each ticket, scored by {@link BestOfN#choose} exactly as serving calls it. */
    private List<BestOfN.Choice> choices(ServingModel model, List<DraftCandidates> tickets) {
        embed(tickets.stream().flatMap(c -> c.texts.subList(c.libraryCount, c.texts.size()).stream()).toList());
        Map<String, Integer> index = new HashMap<>();
        for (int a = 0; a < library.size(); a++) {
            index.putIfAbsent(library.get(a).text(), a);
        }
        List<BestOfN.Choice> out = new ArrayList<>();
        for (DraftCandidates c : tickets) {
            List<BestOfN.LibraryReply> offered = new ArrayList<>();
            for (String text : c.texts.subList(0, c.libraryCount)) {
                int a = index.get(text);
                SlotFiller.Filled filled = SlotFiller.fill(text, c.ticket);
                offered.add(new BestOfN.LibraryReply(a, library.get(a).id(), filled.text(), filled.openSlots()));
            }
            List<String> drafts = c.texts.subList(c.libraryCount, c.texts.size());
            out.add(BestOfN.choose(model, vectors.get(c.ticket), c.ticket, offered, drafts,
                    drafts.stream().map(vectors::get).toArray(float[][]::new), MIN_LIBRARY_SIMILARITY));
        }
        return out;
    }

    /** A serving model over the simulated library, built as the model registry builds one (without the batch scorer). */
    private ServingModel serving(ModelBundle bundle) {
        float[][] replyVectors = embed(library.stream().map(WorkspaceSnapshot.ReplyInfo::text).toList());
        ReplyPolicy.PreparedReply[] prepared = new ReplyPolicy.PreparedReply[library.size()];
        for (int a = 0; a < prepared.length; a++) {
            prepared[a] = bundle.policy().prepare(PolicyFeatures.reply(replyVectors[a], library.get(a).text()));
        }
        List<ServingModel.Candidate> candidates = library.stream()
                .map(r -> new ServingModel.Candidate(r.id(), r.intent(), r.text())).toList();
        return new ServingModel(0, null, bundle, candidates, replyVectors, prepared, null);
    }

    /** Vectors for these texts, each text encoded once for the whole run. */
    private float[][] embed(List<String> texts) {
        List<String> missing = texts.stream().filter(t -> !vectors.containsKey(t)).distinct().toList();
        for (int from = 0; from < missing.size(); from += 512) {
            List<String> batch = missing.subList(from, Math.min(missing.size(), from + 512));
            float[][] v = embed.apply(batch);
            for (int i = 0; i < batch.size(); i++) {
                vectors.put(batch.get(i), v[i]);
            }
        }
        return texts.stream().map(vectors::get).toArray(float[][]::new);
    }
}
