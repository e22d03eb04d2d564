package dev.loopwise.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loopwise.alignment.AlignmentConfig;
import dev.loopwise.cli.support.StartFailure;
import dev.loopwise.common.job.JobsConfig;
import dev.loopwise.knowledge.KnowledgeConfig;
import dev.loopwise.knowledge.KnowledgeSettingsCheck;
import dev.loopwise.llm.LlmConfig;
import dev.loopwise.model.encoder.EncoderConfig;
import dev.loopwise.monitoring.drift.MonitoringConfig;
import dev.loopwise.review.item.ReviewConfig;
import dev.loopwise.security.SecurityConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Settings that used to start Loopwise whatever they held stop the start with one sentence naming the variable: an LLM
 * address without http:// failed every draft, a p-value of 1.5 alarmed at every drift check, a KL strength of 0 divided by
 * zero in every round, an overlap as long as the passage cut an article into thousands of passages.
 */
class UncheckedSettingsTest {
    @Test
    void theLlmAddressIsAWholeAddressUpToV1() {
        String expected = "the server's whole address up to its /v1 is expected, such as http://localhost:11434/v1: with http:// or"
                + " https:// and a host, a port from 1 to 65535 if any, no password, nothing after a ? or #";
        for (String bad : new String[] {"htp:/x", "localhost:11434", "localhost:11434/v1", "http://local host:11434/v1",
            "http://user:secret@llm.example.com/v1", "http://llm.example.com:99999/v1", "http://llm.example.com/v1?x=1"}) {
            assertEquals(sentence("LOOPWISE_LLM_BASE_URL", bad, expected), refused(LlmConfig.class, "loopwise.llm.base-url", bad));
        }
        assertEquals(Optional.of("http://localhost:11434/v1"),
                mapping(LlmConfig.class, "loopwise.llm.base-url", " http://localhost:11434/v1 ").baseUrl());
        assertEquals(Optional.empty(), mapping(LlmConfig.class, "loopwise.llm.model", "m").baseUrl());
        for (String anyCase : new String[] {"HTTP://localhost:11434/v1", "Https://llm.example.com/v1"}) {
            assertEquals(Optional.of(anyCase), mapping(LlmConfig.class, "loopwise.llm.base-url", anyCase).baseUrl(), "a scheme has no case");
        }
    }

    @Test
    void driftThresholdsAndRatesAreHeldToTheirRange() {
        String level = "a number above 0 and below 1 is expected, such as 0.05";
        for (String bad : new String[] {"0", "1", "1.5", "-0.01", "NaN", "1%"}) {
            assertEquals(sentence("LOOPWISE_MONITORING_MMD_ALPHA", bad, level), refused(MonitoringConfig.class, "loopwise.monitoring.mmd-alpha", bad));
            assertEquals(sentence("LOOPWISE_MONITORING_NOVEL_QUANTILE", bad, level),
                    refused(MonitoringConfig.class, "loopwise.monitoring.novel-quantile", bad));
        }
        String zeroOrMore = "a number from 0 to 1000000 is expected, such as 0.25";
        assertEquals(sentence("LOOPWISE_MONITORING_PSI_THRESHOLD", "-1", zeroOrMore),
                refused(MonitoringConfig.class, "loopwise.monitoring.psi-threshold", "-1"));
        assertEquals(sentence("LOOPWISE_MONITORING_MIN_MMD", "-0.1", zeroOrMore), refused(MonitoringConfig.class, "loopwise.monitoring.min-mmd", "-0.1"));
        String share = "a share from 0 to 1 is expected, such as 0.5";
        assertEquals(sentence("LOOPWISE_MONITORING_THUMBS_DOWN_RATE", "30", share),
                refused(MonitoringConfig.class, "loopwise.monitoring.thumbs-down-rate", "30"));
        assertEquals(sentence("LOOPWISE_MONITORING_CONFIDENCE_DROP", "-0.15", share),
                refused(MonitoringConfig.class, "loopwise.monitoring.confidence-drop", "-0.15"));
        assertEquals(sentence("LOOPWISE_MONITORING_MIN_CLUSTER_SIZE", "0", "a whole number from 1 to 1000000 is expected"),
                refused(MonitoringConfig.class, "loopwise.monitoring.min-cluster-size", "0"));
        assertEquals(sentence("LOOPWISE_MONITORING_COOLDOWN", "-1h", "a length of time of 0 or more is expected, such as 0s, 30s or 1h"),
                refused(MonitoringConfig.class, "loopwise.monitoring.cooldown", "-1h"));
        MonitoringConfig edges = mapping(MonitoringConfig.class, "loopwise.monitoring.psi-threshold", "0");
        assertEquals(0.0, edges.psiThreshold());
        assertEquals(0.01, edges.mmdAlpha(), "the defaults pass");
        assertEquals(Duration.ZERO, mapping(MonitoringConfig.class, "loopwise.monitoring.cooldown", "0s").cooldown(), "0: no pause");
    }

    @Test
    void strengthsAndTemperaturesThatDivideAreAboveZero() {
        String aboveZero = "a number above 0 is expected, such as 0.5";
        for (String bad : new String[] {"0", "-0.5", "strong"}) {
            assertEquals(sentence("LOOPWISE_ALIGNMENT_BETA", bad, aboveZero), refused(AlignmentConfig.class, "loopwise.alignment.beta", bad));
            assertEquals(sentence("LOOPWISE_REVIEW_SAMPLE_TEMPERATURE", bad, aboveZero),
                    refused(ReviewConfig.class, "loopwise.review.sample-temperature", bad));
        }
        assertEquals(sentence("LOOPWISE_LLM_TEMPERATURE", "-1", "a temperature from 0 to 2 is expected, such as 0.7"),
                refused(LlmConfig.class, "loopwise.llm.temperature", "-1"));
        assertEquals(sentence("LOOPWISE_LLM_MIN_LIBRARY_SIMILARITY", "50", "a cosine similarity from -1 to 1 is expected, such as 0.5"),
                refused(LlmConfig.class, "loopwise.llm.min-library-similarity", "50"));
        assertEquals(sentence("LOOPWISE_ALIGNMENT_MAX_KL", "-2", "a number from 0 to 1000000 is expected, such as 0.25"),
                refused(AlignmentConfig.class, "loopwise.alignment.max-kl", "-2"));
        assertEquals(0.05, mapping(AlignmentConfig.class, "loopwise.alignment.beta", "0.05").beta());
        assertEquals(0.0, mapping(LlmConfig.class, "loopwise.llm.temperature", "0").temperature(), "0: the same draft each time");
    }

    @Test
    void countsWhere0MeansNoneAreNeverNegativeAndSizesAreAtLeastOne() {
        String orZero = "a whole number from 0 to 1000000 is expected";
        assertEquals(sentence("LOOPWISE_LLM_RETRIES", "-1", orZero), refused(LlmConfig.class, "loopwise.llm.retries", "-1"));
        assertEquals(sentence("LOOPWISE_REVIEW_KEEP_AHEAD", "-1", orZero), refused(ReviewConfig.class, "loopwise.review.keep-ahead", "-1"));
        assertEquals(sentence("LOOPWISE_SECURITY_API_REQUESTS_PER_MINUTE", "-1", orZero),
                refused(SecurityConfig.class, "loopwise.security.api.requests-per-minute", "-1"));
        assertEquals(sentence("LOOPWISE_MODEL_ENCODER_THREADS", "-2", orZero), refused(EncoderConfig.class, "loopwise.model.encoder.threads", "-2"));
        String count = "a whole number from 1 to 1000000 is expected";
        assertEquals(sentence("LOOPWISE_MODEL_ENCODER_MAX_LOADED", "0", count), refused(EncoderConfig.class, "loopwise.model.encoder.max-loaded", "0"));
        assertEquals(sentence("LOOPWISE_MODEL_ENCODER_MAX_TOKENS", "0", count), refused(EncoderConfig.class, "loopwise.model.encoder.max-tokens", "0"));
        assertEquals(sentence("LOOPWISE_MODEL_ENCODER_UNUSED_VECTOR_DAYS", "-1", "a whole number of days from 0 to 36500 is expected; 0 keeps them"),
                refused(EncoderConfig.class, "loopwise.model.encoder.unused-vector-days", "-1"));
        assertEquals(sentence("LOOPWISE_ALIGNMENT_REWARD_EPOCHS", "0", count), refused(AlignmentConfig.class, "loopwise.alignment.reward-epochs", "0"));
        assertEquals(sentence("LOOPWISE_MODEL_ENCODER_BACKGROUND_WAIT_MS", "-5", "a whole number of milliseconds from 0 to 3600000 is"
                + " expected; 0 does not wait"), refused(EncoderConfig.class, "loopwise.model.encoder.background-wait-ms", "-5"));
        assertEquals(sentence("LOOPWISE_JOBS_IDLE_WAIT_MS", "500", "a whole number of milliseconds from 1000 to 3600000 is expected"),
                refused(JobsConfig.class, "loopwise.jobs.idle-wait-ms", "500"));
        assertEquals(1000, mapping(JobsConfig.class, "loopwise.jobs.idle-wait-ms", "1000").idleWaitMs());
        assertEquals(0, mapping(LlmConfig.class, "loopwise.llm.retries", "0").retries(), "0: no retry");
        assertEquals(0, mapping(SecurityConfig.class, "loopwise.security.api.requests-per-minute", "0").api().requestsPerMinute(), "0: no limit");
    }

    /**
     * A piece may end little past half a passage, so an overlap above half the passage started the next piece a word later:
     * a 10,000-character paragraph became over a thousand passages.
     */
    @Test
    void theOverlapIsAtMostHalfThePassage() {
        assertEquals(sentence("LOOPWISE_KNOWLEDGE_OVERLAP_CHARS", "251", "a whole number from 0 to 250, half of"
                + " LOOPWISE_KNOWLEDGE_PASSAGE_CHARS (500), is expected, or a LOOPWISE_KNOWLEDGE_PASSAGE_CHARS of at least 502"),
                explained(assertThrows(RefusedSetting.class, () -> checked(Map.of("loopwise.knowledge.overlap-chars", "251")))));
        checked(Map.of("loopwise.knowledge.overlap-chars", "250"));
        checked(Map.of("loopwise.knowledge.overlap-chars", "30", "loopwise.knowledge.passage-chars", "60"));
        assertEquals(sentence("LOOPWISE_KNOWLEDGE_OVERLAP_CHARS", "-5", "a whole number from 0 to 1000000 is expected"),
                refused(KnowledgeConfig.class, "loopwise.knowledge.overlap-chars", "-5"));
        assertEquals(sentence("LOOPWISE_KNOWLEDGE_MIN_SCORE", "2", "a cosine similarity from -1 to 1 is expected, such as 0.5"),
                refused(KnowledgeConfig.class, "loopwise.knowledge.min-score", "2"));
    }

    /** Only the passage length set: the refusal names it, not the overlap the operator never wrote, and says the default. */
    @Test
    void aShortPassageBesideTheDefaultOverlapNamesThePassage() {
        assertEquals(sentence("LOOPWISE_KNOWLEDGE_PASSAGE_CHARS", "60", "at least 160 is expected, twice the overlap a cut"
                + " paragraph's pieces repeat, which is 80 by default; or set LOOPWISE_KNOWLEDGE_OVERLAP_CHARS to at most 30, half"
                + " the passage"), explained(assertThrows(RefusedSetting.class,
                        () -> checked(Map.of("loopwise.knowledge.passage-chars", "60")))));
        checked(Map.of("loopwise.knowledge.passage-chars", "160"));
    }

    @Test
    void theLlmSeesAtLeastOneLibraryReply() {
        assertEquals(sentence("LOOPWISE_LLM_LIBRARY_CANDIDATES", "0", "a whole number from 1 to 1000000 is expected"),
                refused(LlmConfig.class, "loopwise.llm.library-candidates", "0"));
        assertEquals(1, mapping(LlmConfig.class, "loopwise.llm.library-candidates", "1").libraryCandidates());
    }

    @Test
    void theCommandLinesMinimumPasswordLengthIsCheckedLikeTheServers() {
        String property = "loopwise.security.min-password-length";
        try {
            for (String bad : new String[] {"0", "-4", "ten"}) {
                System.setProperty(property, bad);
                IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, SecurityConfig::minPasswordLengthBeforeStart);
                assertEquals(sentence(property, bad, "a whole number from 1 to 1000000 is expected"), refused.getMessage());
            }
            System.setProperty(property, " 12 ");
            assertEquals(12, SecurityConfig.minPasswordLengthBeforeStart());
        } finally {
            System.clearProperty(property);
        }
    }

    private static String sentence(String variable, String value, String expected) {
        return variable + " is '" + value + "', which Loopwise cannot use (" + expected + "): correct it and start again.";
    }

    private static String explained(Throwable failure) {
        return StartFailure.explain(new RuntimeException("Failed to start quarkus", failure))
                .orElseThrow(() -> new AssertionError("not explained", failure));
    }

    private static String refused(Class<?> mapping, String property, String value) {
        return explained(assertThrows(RuntimeException.class, () -> mapping(mapping, property, value)));
    }

    /** The knowledge settings as an operator writes them (not as defaults), checked together as the start checks them. */
    private static void checked(Map<String, String> written) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(KnowledgeConfig.class)
                .withSources(new PropertiesConfigSource(written, "environment", 300)).build();
        config.getConfigMapping(KnowledgeConfig.class).checkTogether(KnowledgeSettingsCheck.overlapSet(config));
    }

    private static <T> T mapping(Class<T> mapping, String property, String value) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(mapping).withConverter(Duration.class, 200, new DurationConverter())
                .withDefaultValue(property, value).build();
        return config.getConfigMapping(mapping);
    }
}
