package dev.loopwise.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.DriftMessages;
import dev.loopwise.security.Caller;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A signing secret set without the webhook's address signs nothing: the start says so in one warning naming the setting to
 * add, and the Drift page's alerts say it too, while settings that agree say nothing.
 */
@QuarkusTest
class UnusedWebhookSecretTest {

    @Test
    void aSecretWithoutAnAddressIsNamedWithTheSettingToAdd() {
        String said = WebhookNotifier.unusedSecret(settings("s3cret", null)).orElseThrow();
        assertEquals(DriftMessages.WEBHOOK_SECRET_WITHOUT_URL, said);
        assertTrue(said.startsWith("LOOPWISE_MONITORING_WEBHOOK_SECRET is set but LOOPWISE_MONITORING_WEBHOOK_URL is not"), said);
        assertTrue(said.contains("set LOOPWISE_MONITORING_WEBHOOK_URL to the receiver's http:// or https:// address"), said);

        assertEquals(Optional.empty(), WebhookNotifier.unusedSecret(settings("s3cret", "https://hooks.example.com/a")));
        assertEquals(Optional.empty(), WebhookNotifier.unusedSecret(settings(null, "https://hooks.example.com/a")));
        assertEquals(Optional.empty(), WebhookNotifier.unusedSecret(settings(null, null)));
    }

    @Test
    void theStartWarnsOnceAndOnlyWhenTheSecretIsUnused() {
        assertEquals(List.of("WARNING " + DriftMessages.WEBHOOK_SECRET_WITHOUT_URL), startLog(settings("s3cret", null)));
        assertEquals(List.of(), startLog(settings("s3cret", "https://hooks.example.com/a")));
        assertEquals(List.of(), startLog(settings(null, null)));
    }

    @Test
    void theDriftPageWarnsOnlyWhileTheSettingsDisagree() {
        // The tests run with an address and a secret: they agree, so the page holds no such warning.
        String html = Caller.session("admin").pageRequest().accept("text/html").get("/admin/drift").then().statusCode(200)
                .extract().asString();
        assertTrue(html.contains("<h2>Alerts</h2>"), html);
        assertFalse(html.contains("webhook-unused-secret"), "no warning while the webhook has its address");
        assertFalse(html.contains("LOOPWISE_MONITORING_WEBHOOK_SECRET is set"), html);
    }

    /** The monitoring settings with only these two given, as the start reads them from the environment. */
    private static MonitoringConfig settings(String secret, String url) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withMapping(MonitoringConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter());
        if (secret != null) {
            builder.withDefaultValue("loopwise.monitoring.webhook-secret", secret);
        }
        if (url != null) {
            builder.withDefaultValue("loopwise.monitoring.webhook-url", url);
        }
        return builder.build().getConfigMapping(MonitoringConfig.class);
    }

    /** What the start logs about the webhook with these settings. */
    private static List<String> startLog(MonitoringConfig config) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    lines.add("WARNING " + record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(WebhookNotifier.class.getName());
        logger.addHandler(capture);
        try {
            WebhookNotifier notifier = new WebhookNotifier();
            notifier.config = config;
            notifier.warnOfUnusedSecret(null);
        } finally {
            logger.removeHandler(capture);
        }
        return lines;
    }
}
