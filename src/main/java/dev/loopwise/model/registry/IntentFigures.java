package dev.loopwise.model.registry;

import dev.loopwise.common.EvalMessages;
import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.common.stats.Wilson;
import dev.loopwise.model.registry.version.ModelVersion;
import io.quarkus.qute.TemplateExtension;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * How often a version answered each intent's held-out tickets right, with the range that share likely lies in: one
 * accuracy over all intents hides the intent customers keep getting the wrong reply for, and a share of a handful of
 * tickets reads as weak or strong by chance alone.
 */
@TemplateExtension
public class IntentFigures {
    /** Per in-scope intent, as training stores it: {@code intent}, its held-out {@code tickets}, and those answered {@code right}. */
    public static final String METRIC = "intent/per_intent";
    /** How often chance alone may mark any intent of a version weak. */
    private static final double WEAK_ALPHA = 0.05;
    private static final NormalDistribution WEAK_QUANTILE = new NormalDistribution();

    /**
     * One intent's row. {@code low} and {@code high}: its likely range in whole percents, null on too few tickets;
     * {@code weak}: it does worse than the other intents' tickets together by more than chance explains, over all of them.
     */
    public record IntentFigure(String intent, int tickets, int right, Integer low, Integer high, boolean weak) {
        public String answered() {
            return tickets < ModelFormats.TOO_FEW_TO_JUDGE ? right + " of " + tickets
                    : String.format("%.1f%%", 100.0 * right / tickets);
        }

        public String range() {
            return low == null ? LifecycleMessages.TOO_FEW_TICKETS : EvalMessages.likelyBetween(low, high);
        }
    }

    /** Whether training recorded per-intent figures for the version: versions trained before they were kept have none. */
    static boolean hasIntentFigures(ModelVersion version) {
        return version.metrics.get(METRIC) instanceof List<?>;
    }

    /**
     * The version's intents, those surely weaker than the rest first, then the others with a range, the lowest top first
     * (the likeliest to be weak), then those with too few tickets to say, the lowest share first: with few tickets per intent,
     * as early on, every intent is too few to say, and by name the one that missed most of its tickets could sit last.
     */
    static List<IntentFigure> intentFigures(ModelVersion version) {
        List<Map<String, Object>> stored = stored(version);
        int tickets = stored.stream().mapToInt(s -> number(s, "tickets")).sum();
        int right = stored.stream().mapToInt(s -> number(s, "right")).sum();
        int compared = (int) stored.stream().filter(s -> number(s, "tickets") >= ModelFormats.TOO_FEW_TO_JUDGE).count();
        List<IntentFigure> figures = new ArrayList<>();
        for (Map<String, Object> s : stored) {
            int own = number(s, "tickets");
            int ownRight = number(s, "right");
            figures.add(figure(String.valueOf(s.get("intent")), own, ownRight, tickets - own, right - ownRight, compared));
        }
        figures.sort(Comparator.comparing((IntentFigure f) -> f.low() == null)
                .thenComparing(f -> !f.weak())
                .thenComparing(f -> f.high() == null ? 0 : f.high())
                .thenComparingDouble(f -> (double) f.right() / f.tickets())
                .thenComparing(IntentFigure::intent));
        return figures;
    }

    /** Below this many held-out tickets an intent's share gets no range, as every share on the version's page. */
    static int fewestForRange(ModelVersion version) {
        return ModelFormats.TOO_FEW_TO_JUDGE;
    }

    /** Whether any intent had tickets enough for a range. */
    static boolean anyIntentRange(ModelVersion version) {
        return intentFigures(version).stream().anyMatch(f -> f.low() != null);
    }

    /** How many of the version's intents are surely weaker than the rest. */
    static long weakIntents(ModelVersion version) {
        return intentFigures(version).stream().filter(IntentFigure::weak).count();
    }

    /**
     * An intent's row. It is marked weak when its share is below that of the other intents' tickets pooled ({@code restRight}
     * of {@code restTickets}) even at the far end of their difference's interval, one-sided at 5% divided among the
     * {@code compared} intents that have a range (Bonferroni): without that division, of 20 intents that do equally well
     * one or more would be marked two times in three by chance alone.
     */
    static IntentFigure figure(String intent, int tickets, int right, int restTickets, int restRight, int compared) {
        if (tickets < ModelFormats.TOO_FEW_TO_JUDGE) {
            return new IntentFigure(intent, tickets, right, null, null, false);
        }
        int[] percents = Wilson.wholePercents(FigureRanges.wilson((double) right / tickets, tickets));
        boolean weak = restTickets > 0 && Wilson.difference(right, tickets, restRight, restTickets,
                WEAK_QUANTILE.inverseCumulativeProbability(1 - WEAK_ALPHA / Math.max(1, compared)))[1] < 0;
        return new IntentFigure(intent, tickets, right, percents[0], percents[1], weak);
    }

    /** Each intent's figures, also as the API gives them: with the bounds of its likely range, null on too few tickets. */
    static List<Map<String, Object>> withRanges(List<?> stored) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object entry : stored) {
            if (!(entry instanceof Map<?, ?> map)) {
                continue;
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), v));
            int tickets = number(copy, "tickets");
            double[] range = tickets < ModelFormats.TOO_FEW_TO_JUDGE ? null
                    : FigureRanges.wilson((double) number(copy, "right") / tickets, tickets);
            copy.put("likelyLow", range == null ? null : range[0]);
            copy.put("likelyHigh", range == null ? null : range[1]);
            out.add(copy);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> stored(ModelVersion version) {
        Object value = version.metrics.get(METRIC);
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(e -> (Map<String, Object>) e).toList();
    }

    private static int number(Map<String, Object> entry, String key) {
        return entry.get(key) instanceof Number n ? n.intValue() : 0;
    }
}
