package dev.loopwise.monitoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Drift monitoring: what is compared, when it alarms, what happens then ({@code LOOPWISE_MONITORING_WINDOW}, ...). */
@ConfigMapping(prefix = "loopwise.monitoring")
public interface MonitoringConfig {
    /** Check the signals on a schedule. */
    @WithDefault("true")
    boolean enabled();

    /** How often the schedule looks for enough new traffic to check. */
    @WithDefault("30s")
    Duration checkInterval();

    /** Served requests per window. */
    @WithDefault("200")
    int window();

    /** New requests needed since the last check before checking again. */
    @WithDefault("50")
    int stride();

    @WithDefault("300")
    int referenceSample();

    @WithDefault("200")
    int permutations();

    @WithDefault("0.01")
    double mmdAlpha();

    @WithDefault("0.002")
    double minMmd();

    /**
     * Prediction drift: PSI of the intent mix must exceed what a window of this size shows by chance by this
     * much (0.25 is the usual line of a significant shift).
     */
    @WithDefault("0.25")
    double psiThreshold();

    /**
     * A request less familiar than this share of the version's held-out tickets (its nearest training ticket less
     * similar) is unfamiliar; a window with more of them than chance gives alarms as a new topic.
     */
    @WithDefault("0.1")
    double novelQuantile();

    @WithDefault("5")
    int minClusterSize();

    @WithDefault("0.15")
    double confidenceDrop();

    @WithDefault("0.15")
    double oosRise();

    @WithDefault("0.3")
    double thumbsDownRate();

    @WithDefault("0.6")
    double nonFirstChoiceRate();

    /** Consecutive checks a signal must cross its threshold in before it counts as drift. */
    @WithDefault("2")
    int confirmations();

    /** Optional URL every alert is POSTed to as JSON. */
    Optional<String> webhookUrl();

    /** On confirmed drift or enough new judgements: start a round (true) or ask an admin to approve one (false). */
    @WithDefault("false")
    boolean autoRound();

    /** New judgements since the last round that call for another round. */
    @WithDefault("200")
    int judgementsPerRound();

    /**
     * Months a drift check is kept (0: every one): a check is written every few dozen requests, so they grow with traffic. A check
     * that raised an alert stays with its alert.
     */
    @WithDefault("13")
    int reportRetentionMonths();

    /** Review items queued from the drifted requests when drift is confirmed. */
    @WithDefault("30")
    int reviewItemsOnDrift();

    /**
     * A round proposed after drift waits until reviewers have judged as many new items as the drift queued
     * (at least 20); after this long it is proposed anyway, if enough judgements exist in all.
     */
    @WithDefault("48h")
    Duration roundDeadline();

    /** After acting on drift, wait this long before acting again. */
    @WithDefault("1h")
    Duration cooldown();

    /**
     * A replay of at most this many tickets runs while its request waits; a longer one runs in the background, with
     * progress and cancel on the drift page.
     */
    @WithDefault("1000")
    int replayInRequest();

    /** Training tickets a request is compared with to tell whether it is unfamiliar. */
    int NEIGHBOURS = 2000;

    /** The detector's defaults, for tools that run without the service. */
    static DriftSettings defaults() {
        return new DriftSettings(200, 300, 200, 0.01, 0.002, 0.25, 0.1, 5, 0.15, 0.15, 0.3, 0.6, 42);
    }

    default DriftSettings settings() {
        return new DriftSettings(window(), referenceSample(), permutations(), mmdAlpha(), minMmd(), psiThreshold(), novelQuantile(),
                minClusterSize(), confidenceDrop(), oosRise(), thumbsDownRate(), nonFirstChoiceRate(), 42);
    }
}
