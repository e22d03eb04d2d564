package dev.loopwise.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loopwise.audit.AuditConfig;
import dev.loopwise.cli.support.StartFailure;
import dev.loopwise.model.registry.version.SyncConfig;
import dev.loopwise.model.registry.version.VersionsConfig;
import dev.loopwise.monitoring.drift.MonitoringConfig;
import dev.loopwise.monitoring.drift.WebhookFormat;
import dev.loopwise.serving.ServingConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A webhook address alerts cannot be POSTed to, and a retention Loopwise cannot keep, stop the start with one sentence naming
 * the setting, instead of being found months later (or never: a negative retention used to keep everything silently).
 */
class RefusedSettingsTest {
    private static final String MONTHS = "a whole number of months from 0 to 1200 is expected; 0 keeps everything";

    @Test
    void aWebhookAddressMustBeAWholeHttpAddress() {
        for (String bad : new String[] {"hooks.slack.com/services/T0/B0/x", "ftp://example.com/alerts", "http:///alerts", "not a url"}) {
            assertEquals("LOOPWISE_MONITORING_WEBHOOK_URL is '" + bad + "', which Loopwise cannot use (not a web address to POST"
                    + " alerts to: write it whole, such as https://hooks.slack.com/services/..., with http:// or https:// and a"
                    + " host): correct it and start again.", refused(MonitoringConfig.class, "loopwise.monitoring.webhook-url", bad));
        }
        MonitoringConfig good = mapping(MonitoringConfig.class, "loopwise.monitoring.webhook-url", "https://alerts.example.com:8443/in?team=2");
        assertEquals(Optional.of("https://alerts.example.com:8443/in?team=2"), good.webhookUrl());
        assertEquals(Optional.empty(), mapping(MonitoringConfig.class, "loopwise.monitoring.enabled", "true").webhookUrl());
        assertEquals("LOOPWISE_MONITORING_WEBHOOK_FORMAT is 'slack', which Loopwise cannot use (auto, json or teams is expected:"
                + " teams for a Microsoft Teams workflow, json for Slack and other receivers, auto to tell them apart by the address):"
                + " correct it and start again.", refused(MonitoringConfig.class, "loopwise.monitoring.webhook-format", "slack"));
        assertEquals(WebhookFormat.AUTO, mapping(MonitoringConfig.class, "loopwise.monitoring.enabled", "true").webhookFormat());
    }

    @Test
    void retentionsAreHeldToWhatCanBeKept() {
        for (String bad : new String[] {"-5", "2000000000", "1201", "13.5", "a year"}) {
            assertEquals("LOOPWISE_SERVING_RETENTION_MONTHS is '" + bad + "', which Loopwise cannot use (" + MONTHS
                    + "): correct it and start again.", refused(ServingConfig.class, "loopwise.serving.retention-months", bad));
            assertEquals("LOOPWISE_AUDIT_RETENTION_MONTHS is '" + bad + "', which Loopwise cannot use (" + MONTHS
                    + "): correct it and start again.", refused(AuditConfig.class, "loopwise.audit.retention-months", bad));
            assertEquals("LOOPWISE_MONITORING_REPORT_RETENTION_MONTHS is '" + bad + "', which Loopwise cannot use (" + MONTHS
                    + "): correct it and start again.", refused(MonitoringConfig.class, "loopwise.monitoring.report-retention-months", bad));
        }
        assertEquals("LOOPWISE_SERVING_PARTITIONS_AHEAD is '100', which Loopwise cannot use (a whole number of months from 0 to 24"
                + " is expected): correct it and start again.", refused(ServingConfig.class, "loopwise.serving.partitions-ahead", "100"));
        assertEquals("LOOPWISE_SERVING_TEXT_RETENTION_DAYS is '-1', which Loopwise cannot use (a whole number of days from 0 to"
                + " 36500 is expected; 0 keeps them): correct it and start again.",
                refused(ServingConfig.class, "loopwise.serving.text-retention-days", "-1"));
        assertEquals("LOOPWISE_MODEL_VERSIONS_KEEP_WEIGHTS is '-3', which Loopwise cannot use (a whole number of versions from 0 to"
                + " 1000000 is expected; 0 keeps every one): correct it and start again.",
                refused(VersionsConfig.class, "loopwise.model.versions.keep-weights", "-3"));

        assertEquals(0, mapping(ServingConfig.class, "loopwise.serving.retention-months", "0").retentionMonths(), "0 keeps everything");
        assertEquals(1200, mapping(AuditConfig.class, "loopwise.audit.retention-months", "1200").retentionMonths());
        ServingConfig defaults = mapping(ServingConfig.class, "loopwise.serving.max-batch", "32");
        assertEquals(13, defaults.retentionMonths());
        assertEquals(3, defaults.partitionsAhead());
        assertEquals(0, defaults.textRetentionDays());
        assertEquals(0, mapping(AuditConfig.class, "loopwise.audit.retention-months", "0").retentionMonths());
    }

    @Test
    void intervalsTimeoutsAndLifetimesAreAboveZero() {
        String aboveZero = "a length of time above zero is expected, such as 30s, 10m or 6h";
        for (String bad : new String[] {"0", "0s", "PT0S", "-1h"}) {
            assertEquals("LOOPWISE_SERVING_PARTITION_INTERVAL is '" + bad + "', which Loopwise cannot use (" + aboveZero
                    + "): correct it and start again.", refused(ServingConfig.class, "loopwise.serving.partition-interval", bad));
            assertEquals("LOOPWISE_MONITORING_CHECK_INTERVAL is '" + bad + "', which Loopwise cannot use (" + aboveZero
                    + "): correct it and start again.", refused(MonitoringConfig.class, "loopwise.monitoring.check-interval", bad));
            assertEquals("LOOPWISE_SERVING_TIMEOUT is '" + bad + "', which Loopwise cannot use (" + aboveZero
                    + "): correct it and start again.", refused(ServingConfig.class, "loopwise.serving.timeout", bad));
        }
        assertEquals("LOOPWISE_MODEL_SYNC_INTERVAL is '0', which Loopwise cannot use (" + aboveZero
                + "): correct it and start again.", refused(SyncConfig.class, "loopwise.model.sync-interval", "0"));
        // Not a length of time at all: the start's sentence for that, naming the setting too (the scheduler's named none).
        assertEquals("LOOPWISE_SERVING_PARTITION_INTERVAL is 'abc', which is not a length of time: write it such as 30s, 10m, 2h"
                + " or 1d (or PT30S), and start again.", refused(ServingConfig.class, "loopwise.serving.partition-interval", "abc"));
        assertEquals(Duration.ofHours(6), mapping(ServingConfig.class, "loopwise.serving.max-batch", "32").partitionInterval());
        assertEquals(Duration.ofMinutes(90), mapping(ServingConfig.class, "loopwise.serving.partition-interval", "90m").partitionInterval());
        assertEquals(Duration.ofSeconds(45), mapping(MonitoringConfig.class, "loopwise.monitoring.check-interval", "45").checkInterval());
    }

    @Test
    void theAnsweringApisLimitsAreAboveZero() {
        // -5 started fine and then refused every ticket: "Loopwise answers tickets of at most -5".
        String[][] limits = {{"max-text-length", "characters from 1 to 1000000"}, {"max-chat-messages", "messages from 1 to 1000000"},
            {"max-chat-characters", "characters from 1 to 100000000"}, {"max-batch", "requests from 1 to 1024"},
            {"queue-capacity", "requests from 1 to 1000000"}};
        for (String[] limit : limits) {
            String variable = "LOOPWISE_SERVING_" + limit[0].toUpperCase(Locale.ROOT).replace('-', '_');
            for (String bad : new String[] {"-5", "0", "2000000000"}) {
                assertEquals(variable + " is '" + bad + "', which Loopwise cannot use (a whole number of " + limit[1] + " is expected):"
                        + " correct it and start again.", refused(ServingConfig.class, "loopwise.serving." + limit[0], bad));
            }
        }
        ServingConfig set = mapping(ServingConfig.class, "loopwise.serving.max-text-length", "1");
        assertEquals(1, set.maxTextLength());
        assertEquals(1000, set.maxChatMessages());
        assertEquals(200000, set.maxChatCharacters());
        assertEquals(32, set.maxBatch());
        assertEquals(2048, set.queueCapacity());
    }

    private static String refused(Class<?> mapping, String property, String value) {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> mapping(mapping, property, value));
        return StartFailure.explain(new RuntimeException("Failed to start quarkus", failure))
                .orElseThrow(() -> new AssertionError("not explained", failure));
    }

    private static <T> T mapping(Class<T> mapping, String property, String value) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(mapping).withConverter(Duration.class, 200, new DurationConverter())
                .withDefaultValue(property, value).build();
        return config.getConfigMapping(mapping);
    }
}
