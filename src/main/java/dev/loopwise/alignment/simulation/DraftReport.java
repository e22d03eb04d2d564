package dev.loopwise.alignment.simulation;

import dev.loopwise.alignment.round.GateStatistics;
import dev.loopwise.llm.BestOfN;
import java.util.List;
import java.util.Random;

/**
 * One checkpoint of {@code simulate --drafts}: on {@code tickets} held-out tickets, how many times each way of answering
 * sent a candidate as good as the truly best one on offer. {@code bestOfN}: serving's pick ({@link BestOfN}) with
 * {@code scorer}; {@code firstDraft}: the LLM's first draft, as an LLM without ranking would send; {@code randomDraft}:
 * one of the drafts drawn at random (seeded, the same draw at every checkpoint); {@code sft}: π_ref's library reply
 * alone. {@code servedDrafts}: how often best-of-n sent a draft rather than a library reply. {@code gain}: the 95%
 * interval for best-of-n's share minus the first draft's (paired, Newcombe). {@code heldOutAccuracy}: the reward
 * model against the reviewers' (noisy) verdicts on the round's held-out judgements.
 */
record DraftReport(int judgements, String scorer, Double heldOutAccuracy, int tickets, int bestOfN, int firstDraft, int randomDraft,
                   int sft, int servedDrafts, GateStatistics.Interval gain, double seconds) {
    static final double Z95 = 1.959963984540054;

    static DraftReport of(int judgements, String scorer, Double heldOutAccuracy, List<DraftCandidates> tickets,
                          List<BestOfN.Choice> choices, long seed) {
        Random draw = new Random(seed + 5);
        int n = tickets.size();
        boolean[] picked = new boolean[n];
        boolean[] first = new boolean[n];
        int random = 0;
        int sft = 0;
        int drafts = 0;
        for (int t = 0; t < n; t++) {
            DraftCandidates c = tickets.get(t);
            int best = choices.get(t).best();
            picked[t] = c.best(best);
            first[t] = c.draftCount() > 0 && c.best(c.libraryCount);
            random += c.draftCount() > 0 && c.best(c.libraryCount + draw.nextInt(c.draftCount())) ? 1 : 0;
            sft += c.libraryCount > 0 && c.best(0) ? 1 : 0;
            drafts += best >= c.libraryCount ? 1 : 0;
        }
        GateStatistics.Paired paired = GateStatistics.Paired.of(picked, first);
        return new DraftReport(judgements, scorer, heldOutAccuracy, n, paired.bothRight() + paired.onlyFirst(),
                paired.bothRight() + paired.onlySecond(), random, sft, drafts, GateStatistics.newcombe(paired, Z95), 0);
    }

    DraftReport withSeconds(double s) {
        return new DraftReport(judgements, scorer, heldOutAccuracy, tickets, bestOfN, firstDraft, randomDraft, sft, servedDrafts, gain, s);
    }

    /** "0.612 (0.580–0.643)": the share and its 95% Wilson interval. */
    String share(int k) {
        GateStatistics.Interval i = GateStatistics.wilson(k, tickets, Z95);
        return String.format("%.3f (%.3f–%.3f)", (double) k / tickets, i.low(), i.high());
    }
}
