package dev.loopwise.monitoring.drift;

import dev.loopwise.common.config.DecimalRange;
import dev.loopwise.common.config.NonNegativeDuration;
import dev.loopwise.common.config.PositiveDuration;
import dev.loopwise.common.config.SettingRange;
import dev.loopwise.common.config.Share;
import dev.loopwise.common.config.Switch;
import dev.loopwise.common.config.WebhookUrl;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Drift monitoring: what is compared, when it alarms, what happens then ({@code LOOPWISE_MONITORING_WINDOW}, ...). */
@ConfigMapping(prefix = "loopwise.monitoring")
public interface MonitoringConfig {
    /** Check the signals on a schedule. */
    @WithDefault("true")
    @WithConverter(Switch.class)
    boolean enabled();

    /** How often the schedule looks for enough new traffic to check. */
    @WithDefault("30s")
    @WithConverter(PositiveDuration.class)
    Duration checkInterval();

    /** Served requests per window. */
    @WithDefault("200")
    @WithConverter(SettingRange.Count.class)
    int window();

    /** New requests needed since the last check before checking again. */
    @WithDefault("50")
    @WithConverter(SettingRange.Count.class)
    int stride();

    /** Training tickets the window's requests are compared with in the input-drift (MMD) test. */
    @WithDefault("300")
    @WithConverter(SettingRange.Count.class)
    int referenceSample();

    /** Permutations of the MMD test, and draws of the intent mix's chance level; more gives finer p-values, at more cost per check. */
    @WithDefault("200")
    @WithConverter(SettingRange.Count.class)
    int permutations();

    /**
     * Input drift: the MMD test's p-value must be below this. The intent mix's shift beyond chance is held to the same
     * level, and the new-topic test to a tenth of it.
     */
    @WithDefault("0.01")
    @WithConverter(DecimalRange.Level.class)
    double mmdAlpha();

    /** Input drift: the MMD² must also exceed this, so a shift too small to matter does not alarm in a large window. */
    @WithDefault("0.002")
    @WithConverter(DecimalRange.ZeroOrMore.class)
    double minMmd();

    /**
     * Prediction drift: PSI of the intent mix must exceed what a window of this size shows by chance by this
     * much (0.25 is the usual line of a significant shift).
     */
    @WithDefault("0.25")
    @WithConverter(DecimalRange.ZeroOrMore.class)
    double psiThreshold();

    /**
     * A request less familiar than this share of the version's held-out tickets (its nearest training ticket less
     * similar) is unfamiliar; a window with more of them than chance gives alarms as a new topic.
     */
    @WithDefault("0.1")
    @WithConverter(DecimalRange.Level.class)
    double novelQuantile();

    /**
     * New topics: a window alarms only with at least this many more unfamiliar requests than chance gives, and a group
     * of unfamiliar requests is named as a topic only from this size on.
     */
    @WithDefault("5")
    @WithConverter(SettingRange.Count.class)
    int minClusterSize();

    /** Prediction drift: alarm when the window's mean confidence is this much below the held-out tickets' level. */
    @WithDefault("0.15")
    @WithConverter(Share.Any.class)
    double confidenceDrop();

    /** Prediction drift: alarm when the share handed over as out of scope is this much above the held-out tickets' level. */
    @WithDefault("0.15")
    @WithConverter(Share.Any.class)
    double oosRise();

    /** Outcomes: alarm when more than this share of the window's thumbs are down (read from 10 verdicts on). */
    @WithDefault("0.3")
    @WithConverter(Share.Any.class)
    double thumbsDownRate();

    /**
     * Outcomes: alarm when reviewers prefer a reply other than the policy's first choice more often than this (read from
     * 20 judgements on).
     */
    @WithDefault("0.6")
    @WithConverter(Share.Any.class)
    double nonFirstChoiceRate();

    /** Consecutive checks a signal must cross its threshold in before it counts as drift. */
    @WithDefault("2")
    @WithConverter(SettingRange.Count.class)
    int confirmations();

    /** Optional URL every alert is POSTed to as JSON. */
    Optional<@WithConverter(WebhookUrl.class) String> webhookUrl();

    /**
     * Optional secret that signs every alert POSTed to the webhook (HMAC-SHA256 of a timestamp and the body), so a receiver
     * can refuse alerts that did not come from Loopwise.
     */
    Optional<String> webhookSecret();

    /**
     * The alerts' body: {@code json} ({@code text}, then the alert's fields: Slack and most receivers), {@code teams} (the
     * same, plus an Adaptive Card, which Microsoft Teams' Workflows need) or {@code auto} (teams for a Workflows address).
     */
    @WithDefault("auto")
    @WithConverter(WebhookFormat.Setting.class)
    WebhookFormat webhookFormat();

    /** On confirmed drift or enough new judgements: start a round (true) or ask an admin to approve one (false). */
    @WithDefault("false")
    @WithConverter(Switch.class)
    boolean autoRound();

    /** New judgements since the last round that call for another round. */
    @WithDefault("200")
    @WithConverter(SettingRange.Count.class)
    int judgementsPerRound();

    /**
     * Months a drift check is kept (0: every one): a check is written every few dozen requests, so they grow with traffic. A check
     * that raised an alert stays with its alert.
     */
    @WithDefault("13")
    @WithConverter(SettingRange.Months.class)
    int reportRetentionMonths();

    /** Review items queued from the drifted requests when drift is confirmed. */
    @WithDefault("30")
    @WithConverter(SettingRange.CountOrZero.class)
    int reviewItemsOnDrift();

    /**
     * A round proposed after drift waits until reviewers have judged as many new items as the drift queued
     * (at least 20); after this long it is proposed anyway, if enough judgements exist in all.
     */
    @WithDefault("48h")
    @WithConverter(PositiveDuration.class)
    Duration roundDeadline();

    /** After acting on drift, wait this long before acting again. */
    @WithDefault("1h")
    @WithConverter(NonNegativeDuration.class)
    Duration cooldown();

    /**
     * A replay of at most this many tickets runs while its request waits; a longer one runs in the background, with
     * progress and cancel on the drift page.
     */
    @WithDefault("1000")
    @WithConverter(SettingRange.CountOrZero.class)
    int replayInRequest();

    /** Training tickets a request is compared with to tell whether it is unfamiliar. */
    int NEIGHBOURS = 2000;

    /**
     * The detector's defaults, for tools that run without the service: read from the {@code @WithDefault}s above, so
     * they cannot differ from what the service uses when nothing is configured. No other source is read: a benchmark
     * measures the product's defaults, whatever the environment says.
     */
    static DriftSettings defaults() {
        // Quarkus reads "30s" and "48h" with its own converter; SmallRye Config alone knows only ISO-8601 ("PT30S").
        return new SmallRyeConfigBuilder().withMapping(MonitoringConfig.class).withConverter(Duration.class, 200, new DurationConverter())
                .build().getConfigMapping(MonitoringConfig.class).settings();
    }

    default DriftSettings settings() {
        return new DriftSettings(window(), referenceSample(), permutations(), mmdAlpha(), minMmd(), psiThreshold(), novelQuantile(),
                minClusterSize(), confidenceDrop(), oosRise(), thumbsDownRate(), nonFirstChoiceRate(), 42);
    }
}
