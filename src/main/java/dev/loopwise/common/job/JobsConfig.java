package dev.loopwise.common.job;

import dev.loopwise.common.config.PositiveDuration;
import dev.loopwise.common.config.SettingRange;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Background jobs on Quartz's clustered job store in PostgreSQL ({@code LOOPWISE_JOBS_THREADS}, ...). Quartz reads
 * the first three through {@code quarkus.quartz.*} in application.properties, which refer to these names, so each
 * is set in one place and overridable by its environment variable. (The cluster check-in interval is fixed when
 * the application is built: Quarkus treats it as a build-time setting; see application.properties.)
 */
@ConfigMapping(prefix = "loopwise.jobs")
public interface JobsConfig {
    /**
     * Quartz worker threads of this instance. A training run or round holds one for as long as it runs (one at a
     * time per process); the periodic jobs need one each for a moment.
     */
    @WithDefault("8")
    @WithConverter(SettingRange.Count.class)
    int threads();

    /**
     * How long (milliseconds) an idle instance waits before looking for due jobs again; also the longest a newly
     * queued training run or round waits before an instance picks it up. Quartz accepts 1000 or more.
     */
    @WithDefault("2000")
    @WithConverter(SettingRange.IdleWait.class)
    int idleWaitMs();

    /** A periodic job late by more than this (all instances down or busy) skips to its next period instead of catching up. */
    @WithDefault("60s")
    @WithConverter(PositiveDuration.class)
    Duration misfireThreshold();

    /**
     * How often a queued training run or round asks for the training slot while another one runs; when its turn
     * comes it starts within this time, on whichever instance is free.
     */
    @WithDefault("5s")
    @WithConverter(PositiveDuration.class)
    Duration queuedRetry();
}
