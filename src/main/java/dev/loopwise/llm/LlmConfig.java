package dev.loopwise.llm;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.StartMessages;
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
import java.util.Optional;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * The team's own LLM, any OpenAI-compatible chat-completions server ({@code LOOPWISE_LLM_ENABLED},
 * {@code LOOPWISE_LLM_BASE_URL}, ...). Off unless turned on. Settings saved on the admin page take the place of the
 * connection settings here (enabled, base URL, model, key, timeout, drafts, temperature, brand voice).
 */
@ConfigMapping(prefix = "loopwise.llm")
public interface LlmConfig {
    /** Whether replies are drafted by the LLM at all; without it Loopwise answers from the reply library only. */
    @WithDefault("false")
    @WithConverter(Switch.class)
    boolean enabled();

    /** The server's OpenAI-compatible address, up to and including {@code /v1} (e.g. http://localhost:11434/v1 for Ollama). */
    Optional<@WithConverter(BaseUrl.class) String> baseUrl();

    /** The model name the server knows (e.g. llama3.1:8b). */
    Optional<String> model();

    /** Sent as {@code Authorization: Bearer ...}; local servers usually need none. */
    Optional<String> apiKey();

    /**
     * Longest wait for the drafts of one ticket. Beyond it the ticket is answered from the library: an answer that
     * is late is worse than one that is plain.
     */
    @WithDefault("10s")
    @WithConverter(PositiveDuration.class)
    Duration timeout();

    /** Drafts written per ticket; the reward model picks the best of them and of the library's replies. */
    @WithDefault("3")
    @WithConverter(SettingRange.Count.class)
    int drafts();

    /** Sampling temperature: above 0 the drafts differ from each other, which is what best-of-n needs. */
    @WithDefault("0.7")
    @WithConverter(DecimalRange.Temperature.class)
    double temperature();

    /** Longest draft, in tokens. */
    @WithDefault("300")
    @WithConverter(SettingRange.Count.class)
    int maxTokens();

    /** How the team writes: put in every prompt. */
    @WithDefault("Friendly, brief and concrete. Use the customer's own details. Never promise what the library replies do not.")
    String brandVoice();

    /**
     * Library replies (the policy's favourites) shown to the LLM as examples and scored beside its drafts. At least 1: a draft
     * is served only when close enough to one of them, and one of them when no draft is, so the policy's choice is always among them.
     */
    @WithDefault("3")
    @WithConverter(SettingRange.Count.class)
    int libraryCandidates();

    /**
     * How close (cosine similarity of sentence vectors, 0–1) a draft must at least be to one of the library replies scored
     * beside it to be served: the scorer learned from library replies and cannot judge text unlike all of them. Serving
     * also asks it to be closer than 9 in 10 of the other intents' replies are, a line each encoder and library sets.
     */
    @WithDefault("0.5")
    @WithConverter(DecimalRange.Cosine.class)
    double minLibrarySimilarity();

    /** Passages of the knowledge base put into the prompt. */
    @WithDefault("4")
    @WithConverter(SettingRange.CountOrZero.class)
    int passages();

    /**
     * Retries of a failed draft request (not of a timed-out one, which would double the wait, nor of a refusal or a rate
     * limit, which waits for its {@code Retry-After}: {@link #maxRetryAfter()}).
     */
    @WithDefault("1")
    @WithConverter(SettingRange.CountOrZero.class)
    int retries();

    /** Calls among which failures are counted before the circuit may open. */
    @WithDefault("6")
    @WithConverter(SettingRange.Count.class)
    int circuitRequests();

    /** Share of failed calls among the last {@link #circuitRequests()} that opens the circuit. */
    @WithDefault("0.5")
    @WithConverter(Share.Any.class)
    double circuitFailureRatio();

    /** While the circuit is open no call is made (answers come from the library at once); then one call tries again. */
    @WithDefault("30s")
    @WithConverter(NonNegativeDuration.class)
    Duration circuitOpenFor();

    /**
     * Longest wait a rate limit may impose: a server that answers HTTP 429 with {@code Retry-After} gets no call until the
     * time it named, and meanwhile tickets are answered from the library at once, but never for longer than this.
     */
    @WithDefault("30s")
    @WithConverter(PositiveDuration.class)
    Duration maxRetryAfter();

    /** Draft requests in flight at once; beyond it a ticket is answered from the library. */
    @WithDefault("64")
    @WithConverter(SettingRange.Count.class)
    int maxConcurrent();

    /** How often an instance reads settings saved on the admin page by another instance. */
    @WithDefault("15s")
    @WithConverter(PositiveDuration.class)
    Duration settingsRefresh();

    /**
     * The rule the admin page's LLM form holds an address to, checked at start: {@code localhost:11434/v1} (no scheme) or an
     * address with a space started fine and failed every draft, each answered from the library with a warning in the log.
     */
    final class BaseUrl implements Converter<String> {
        @Override
        public String convert(String value) {
            String url = value.strip();
            try {
                LlmAddress.checkUrl(url);
            } catch (ApiException e) {
                throw new IllegalArgumentException(StartMessages.NOT_AN_LLM_URL);
            }
            return url;
        }
    }
}
