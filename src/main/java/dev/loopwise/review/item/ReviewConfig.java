package dev.loopwise.review.item;

import dev.loopwise.common.config.DecimalRange;
import dev.loopwise.common.config.NonNegativeDuration;
import dev.loopwise.common.config.PositiveDuration;
import dev.loopwise.common.config.SettingRange;
import dev.loopwise.common.config.Share;
import dev.loopwise.common.config.Switch;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How review items are made and handed out ({@code LOOPWISE_REVIEW_JUDGEMENTS_PER_ITEM}, ...). */
@ConfigMapping(prefix = "loopwise.review")
public interface ReviewConfig {
    /** Reviewers who judge an ordinary item. */
    @WithDefault("1")
    @WithConverter(SettingRange.Count.class)
    int judgementsPerItem();

    /** Share of new items judged by several reviewers, to measure agreement. */
    @WithDefault("0.15")
    @WithConverter(Share.Any.class)
    double overlapShare();

    /** Reviewers who judge an overlap item. */
    @WithDefault("3")
    @WithConverter(SettingRange.Count.class)
    int overlapJudgements();

    /** Share of hand-outs that are gold items (an admin fixed the answer), when there are any. */
    @WithDefault("0.05")
    @WithConverter(Share.Any.class)
    double goldShare();

    /** How long an item stays with a reviewer before it may go to someone else. */
    @WithDefault("10m")
    @WithConverter(PositiveDuration.class)
    Duration lease();

    /**
     * Skips after which an item is set aside: no longer handed out nor counted as waiting, so an item nobody can judge
     * does not stay in the queue for ever (0: never set aside). Undoing a skip brings it back.
     */
    @WithDefault("3")
    @WithConverter(SettingRange.CountOrZero.class)
    int setAsideAfterSkips();

    /** How long after a choice the reviewer may still undo it. */
    @WithDefault("30s")
    @WithConverter(NonNegativeDuration.class)
    Duration undoWindow();

    /** Share of new items taken from served traffic (the rest from imported unlabelled tickets). */
    @WithDefault("0.5")
    @WithConverter(Share.Any.class)
    double trafficShare();

    /**
     * Share of new items taken from answers the LLM drafted for (a draft against a library reply, or two drafts),
     * while there are such answers not yet reviewed.
     */
    @WithDefault("0.5")
    @WithConverter(Share.Any.class)
    double draftShare();

    /** Share of new items that pit the policy's first choice against a sample from it (the rest: its top two). */
    @WithDefault("0.5")
    @WithConverter(Share.Any.class)
    double sampleShare();

    /** Temperature of that sample: higher explores further from the first choice. */
    @WithDefault("1.0")
    @WithConverter(DecimalRange.AboveZero.class)
    double sampleTemperature();

    /**
     * Overlap items a reviewer must share with other reviewers before their agreement is shown and
     * weighs in: below it the page shows "—" and rounds use the prior weight.
     */
    @WithDefault("5")
    @WithConverter(SettingRange.Count.class)
    int minSharedItems();

    /**
     * Newest judgements per reviewer the median time per item is taken over: a reviewer's pace now, read from
     * an index at a cost that does not grow with their history.
     */
    @WithDefault("500")
    @WithConverter(SettingRange.Count.class)
    int medianWindow();

    /** Days the agreement chart shows: a point per day, each over every overlap item judged up to it. */
    @WithDefault("90")
    @WithConverter(SettingRange.Count.class)
    int chartDays();

    /**
     * Newest served requests a refill picks from (then a sample of about as many older ones when those are
     * all reviewed): the cost of a refill stays the same however long the request log grows.
     */
    @WithDefault("5000")
    @WithConverter(SettingRange.Count.class)
    int refillWindow();

    /** New items made at a time when a reviewer finds the queue empty. */
    @WithDefault("40")
    @WithConverter(SettingRange.Count.class)
    int refillBatch();

    /** Longest a reviewer who finds the queue empty waits for another reviewer's refill before being told it is empty. */
    @WithDefault("20s")
    @WithConverter(NonNegativeDuration.class)
    Duration refillWait();

    /**
     * Items kept waiting ahead of demand, at least: a background job makes more whenever fewer wait for a reviewer,
     * so a reviewer asking for the next item never waits for one to be made. 0 makes items only when the queue runs dry.
     */
    @WithDefault("40")
    @WithConverter(SettingRange.CountOrZero.class)
    int keepAhead();

    /**
     * The most items the background job keeps waiting when the team is large or fast: it keeps two per reviewer at work
     * and what they judged in the last minute would use up in two of its periods, at least {@link #keepAhead()}, at most this.
     */
    @WithDefault("1000")
    @WithConverter(SettingRange.Count.class)
    int keepAheadMax();

    /**
     * Imported unlabelled tickets a background job encodes per run (every {@code ticket-vectors-interval}, 30 s), so
     * that items made from them later do not encode while reviewers wait; 0 turns it off.
     */
    @WithDefault("512")
    @WithConverter(SettingRange.CountOrZero.class)
    int ticketVectorsBatch();

    /** How often that job runs. */
    @WithDefault("30s")
    @WithConverter(PositiveDuration.class)
    Duration ticketVectorsInterval();

    /**
     * Between the background job's periods, the instance whose reviewers take items tops the queue up every quarter
     * of its target's worth of items taken (on a background thread); false leaves it to the job and to refills when
     * the queue runs dry.
     */
    @WithDefault("true")
    @WithConverter(Switch.class)
    boolean topUpBetweenPeriods();

    /** How often the background job looks at the queue. */
    @WithDefault("10s")
    @WithConverter(PositiveDuration.class)
    Duration keepAheadInterval();
}
