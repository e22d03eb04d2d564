package dev.loopwise.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loopwise.alignment.AlignmentConfig;
import dev.loopwise.cli.support.StartFailure;
import dev.loopwise.common.HttpMessages;
import dev.loopwise.llm.LlmConfig;
import dev.loopwise.model.encoder.EncoderConfig;
import dev.loopwise.monitoring.drift.MonitoringConfig;
import dev.loopwise.privacy.PrivacyConfig;
import dev.loopwise.review.item.ReviewConfig;
import dev.loopwise.security.SecurityConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An operator's typo in a setting stops the start with one sentence naming the variable they wrote, the value and what to
 * write instead: before, a port of -1 started on a random port, TLS=ture left cookies without Secure, a window of 0
 * requests or a lockout after 0 failures started without a word, and LOOPWISE_PORT=abc was reported as QUARKUS_HTTP_PORT.
 */
class MistypedSettingsTest {
    private static final String COUNT = "a whole number from 1 to 1000000 is expected";

    @Test
    void theSettingsHandedToQuarkusAreCheckedAndNamedAsTheOperatorWroteThem() {
        String port = "a port from 1 to 65535 is expected, such as 8080; 0 takes any free one";
        for (String bad : new String[] {"-1", "70000", "abc"}) {
            assertEquals(sentence("LOOPWISE_PORT", bad, port), refused(ServerConfig.class, "loopwise.port", bad));
        }
        assertEquals(0, mapping(ServerConfig.class, "loopwise.port", "0").port());
        assertEquals(65535, mapping(ServerConfig.class, "loopwise.port", "65535").port());
        assertEquals(sentence("LOOPWISE_DB_POOL_SIZE", "0", "a whole number of connections from 1 to 10000 is expected"),
                refused(ServerConfig.class, "loopwise.db.pool-size", "0"));
        assertEquals(sentence("LOOPWISE_SESSION_TIMEOUT", "0", "a length of time above zero is expected, such as 30s, 10m or 6h"),
                refused(ServerConfig.class, "loopwise.session.timeout", "0"));
        assertEquals(Duration.ofMinutes(15), mapping(ServerConfig.class, "loopwise.session.timeout", "15m").session().timeout());
        assertEquals(sentence("LOOPWISE_MAX_BODY_SIZE", "10MB", "a size in bytes is expected, a whole number with K, M or G after it"
                + " and nothing else, such as 10M, 512K or 1G"), refused(ServerConfig.class, "loopwise.max-body-size", "10MB"));
        assertEquals("512K", mapping(ServerConfig.class, "loopwise.max-body-size", "512K").maxBodySize());
        assertEquals("10240B", mapping(ServerConfig.class, "loopwise.max-body-size", "10240B").maxBodySize(), "every unit Quarkus takes");
        assertEquals(sentence("LOOPWISE_BEHIND_PROXY", "ture", "true or false is expected"),
                refused(ServerConfig.class, "loopwise.behind-proxy", "ture"));
        assertEquals(8080, mapping(ServerConfig.class, "other.setting", "1").port(), "unset: the default");
    }

    @Test
    void aQuarkusPropertyIsReportedByTheLoopwiseVariableThatSetsIt() {
        // What Quarkus' own check says of LOOPWISE_TRUSTED_PROXIES=10.0.0.0/33, and of LOOPWISE_PORT= (set, but empty).
        RuntimeException cidr = new RuntimeException(new IllegalArgumentException("SRCFG00039: The config property"
                + " quarkus.http.proxy.trusted-proxies with the config value \"10.0.0.0/33\" threw an Exception whilst being converted"
                + " java.lang.IllegalArgumentException: Failed to parse CIDR address \"10.0.0.0/33\""));
        assertEquals(sentence("LOOPWISE_TRUSTED_PROXIES", "10.0.0.0/33", "Failed to parse CIDR address \"10.0.0.0/33\""), explained(cidr));
        RuntimeException empty = new RuntimeException(new IllegalStateException("Configuration validation failed:\n\t"
                + "java.util.NoSuchElementException: SRCFG00040: The config property quarkus.http.port is defined as the empty String"
                + " (\"\") which the following Converter considered to be null: io.smallrye.config.Converters$BuiltInConverter"));
        assertEquals("LOOPWISE_PORT is set but empty: give it a value, or remove it to take the default, and start again.", explained(empty));

        // LOOPWISE_PORT=abc fails Quarkus' conversion and Loopwise's own: Loopwise's sentence says what to write.
        RuntimeException both = new RuntimeException(new IllegalStateException("Configuration validation failed:\n\t"
                + "java.lang.IllegalArgumentException: SRCFG00039: The config property quarkus.http.port with the config value \"abc\""
                + " threw an Exception whilst being converted java.lang.NumberFormatException: SRCFG00029: Expected an integer value,"
                + " got \"abc\"\n\tjava.lang.IllegalArgumentException: SRCFG00039: The config property loopwise.port with the config"
                + " value \"abc\" threw an Exception whilst being converted java.lang.IllegalArgumentException: a port from 1 to 65535"
                + " is expected, such as 8080; 0 takes any free one"));
        assertEquals(sentence("LOOPWISE_PORT", "abc", "a port from 1 to 65535 is expected, such as 8080; 0 takes any free one"),
                explained(both));
        assertEquals(HttpMessages.TRUSTED_PROXIES_REQUIRED,
                explained(new RuntimeException(new IllegalStateException(HttpMessages.TRUSTED_PROXIES_REQUIRED))));
    }

    @Test
    void onAndOffAreWordsLoopwiseKnows() {
        for (String bad : new String[] {"ture", "enabled", "nope"}) {
            assertEquals(sentence("LOOPWISE_SECURITY_TLS", bad, "true or false is expected"), refused(SecurityConfig.class, "loopwise.security.tls", bad));
            assertEquals(sentence("LOOPWISE_PRIVACY_MASK_FOR_REVIEWERS", bad, "true or false is expected"),
                    refused(PrivacyConfig.class, "loopwise.privacy.mask-for-reviewers", bad));
        }
        assertEquals(true, mapping(SecurityConfig.class, "loopwise.security.tls", "YES").tls());
        // The words SmallRye Config reads as true still are: a setting that started Loopwise before still does.
        assertEquals(true, mapping(SecurityConfig.class, "loopwise.security.tls", "Y").tls());
        assertEquals(true, mapping(SecurityConfig.class, "loopwise.security.tls", "si").tls());
        // Set but empty: said as such, not as an empty word that is neither on nor off.
        assertEquals("LOOPWISE_SECURITY_TLS is set but empty: give it a value, or remove it to take the default, and start again.",
                refused(SecurityConfig.class, "loopwise.security.tls", ""));
        assertEquals("LOOPWISE_MONITORING_WINDOW is set but empty: give it a value, or remove it to take the default, and start again.",
                refused(MonitoringConfig.class, "loopwise.monitoring.window", ""));
        assertEquals(false, mapping(SecurityConfig.class, "loopwise.security.tls", "off").tls());
        assertEquals(true, mapping(PrivacyConfig.class, "loopwise.privacy.masked-kinds", "email").maskForReviewers());
    }

    @Test
    void countsThatMustBeAtLeastOneAndWordsFromAListAreChecked() {
        for (String bad : new String[] {"0", "-3", "many"}) {
            assertEquals(sentence("LOOPWISE_SECURITY_LOGIN_MAX_FAILURES_PER_USER", bad, COUNT),
                    refused(SecurityConfig.class, "loopwise.security.login.max-failures-per-user", bad));
            assertEquals(sentence("LOOPWISE_MONITORING_WINDOW", bad, COUNT), refused(MonitoringConfig.class, "loopwise.monitoring.window", bad));
            assertEquals(sentence("LOOPWISE_MODEL_ENCODER_BATCH_SIZE", bad, COUNT),
                    refused(EncoderConfig.class, "loopwise.model.encoder.batch-size", bad));
        }
        assertEquals(1, mapping(MonitoringConfig.class, "loopwise.monitoring.window", "1").window());
        assertEquals(sentence("LOOPWISE_SECURITY_LOGIN_LOCKOUT", "0", "a length of time above zero is expected, such as 30s, 10m or 6h"),
                refused(SecurityConfig.class, "loopwise.security.login.lockout", "0"));
        assertEquals(sentence("LOOPWISE_ALIGNMENT_METHOD", "dop", "reward_weighted or dpo is expected"),
                refused(AlignmentConfig.class, "loopwise.alignment.method", "dop"));
        assertEquals(sentence("LOOPWISE_ALIGNMENT_REWARD_MODEL", "crossencoder", "auto, vector or cross is expected"),
                refused(AlignmentConfig.class, "loopwise.alignment.reward-model", "crossencoder"));
        assertEquals("dpo", mapping(AlignmentConfig.class, "loopwise.alignment.method", "DPO").method());
        assertEquals(sentence("LOOPWISE_PRIVACY_MASKED_KINDS", "email,emial", "email, iban, card, ip, id, phone or address is expected"),
                refused(PrivacyConfig.class, "loopwise.privacy.masked-kinds", "email,emial"));
        assertEquals(List.of("email", "iban"), mapping(PrivacyConfig.class, "loopwise.privacy.masked-kinds", "email, IBAN").maskedKinds());
        assertEquals(sentence("LOOPWISE_MODEL_ENCODER_POOLING", "max", "mean or cls is expected"),
                refused(EncoderConfig.class, "loopwise.model.encoder.pooling", "max"));
    }

    @Test
    void sharesAreFromZeroToOne() {
        String share = "a share from 0 to 1 is expected, such as 0.5";
        for (String bad : new String[] {"1.5", "-0.1", "half", "NaN"}) {
            assertEquals(sentence("LOOPWISE_REVIEW_TRAFFIC_SHARE", bad, share), refused(ReviewConfig.class, "loopwise.review.traffic-share", bad));
            assertEquals(sentence("LOOPWISE_LLM_CIRCUIT_FAILURE_RATIO", bad, share),
                    refused(LlmConfig.class, "loopwise.llm.circuit-failure-ratio", bad));
        }
        assertEquals(0.0, mapping(ReviewConfig.class, "loopwise.review.overlap-share", "0").overlapShare(), "0: never");
        assertEquals(1.0, mapping(ReviewConfig.class, "loopwise.review.gold-share", "1").goldShare(), "1: always");
        String heldOut = "a share above 0 and below 0.9 is expected, such as 0.2";
        for (String bad : new String[] {"0", "0.9", "1"}) {
            assertEquals(sentence("LOOPWISE_ALIGNMENT_HELD_OUT_SHARE", bad, heldOut),
                    refused(AlignmentConfig.class, "loopwise.alignment.held-out-share", bad));
        }
        assertEquals(0.85, mapping(AlignmentConfig.class, "loopwise.alignment.held-out-share", "0.85").heldOutShare());
    }

    private static String sentence(String variable, String value, String expected) {
        return variable + " is '" + value + "', which Loopwise cannot use (" + expected + "): correct it and start again.";
    }

    private static String explained(Throwable failure) {
        return StartFailure.explain(failure).orElseThrow(() -> new AssertionError("not explained", failure));
    }

    private static String refused(Class<?> mapping, String property, String value) {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> mapping(mapping, property, value));
        return explained(new RuntimeException("Failed to start quarkus", failure));
    }

    private static <T> T mapping(Class<T> mapping, String property, String value) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(mapping).withConverter(Duration.class, 200, new DurationConverter())
                .withDefaultValue(property, value).build();
        return config.getConfigMapping(mapping);
    }
}
