package dev.loopwise.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.loopwise.common.LlmMessages;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/** Why the LLM gave no drafts, in words a support lead can act on (shown in responses, the request log and the page). */
public final class LlmFailure extends RuntimeException {
    public static final String TIMEOUT = "timeout";
    public static final String CIRCUIT_OPEN = "circuit open";
    public static final String BUSY = "busy";
    static final String CUT_OFF = "the server closed the connection before its answer was complete";
    static final String NO_SECURE_CONNECTION = "no secure (https) connection could be set up with the server";
    static final String REFUSED_KEY = "the server refused the API key";
    static final String UNKNOWN_MODEL = "the server does not know this model";
    static final String NO_SUCH_ADDRESS = "nothing answers at this address (HTTP 404): check its path, which usually ends in /v1";
    static final String RATE_LIMITED = "the server is limiting requests (HTTP 429): too many calls or tokens for this key";
    /** Followed by the time the limit ends ({@link LlmRateLimit}): the server said when to call again. */
    public static final String SLOWED_DOWN = "the LLM asked us to slow down; answering from the reply library until ";
    /** Followed by the wait a 429 named, when Test connection met it: that connection serves no ticket, so nothing is held. */
    static final String LIMITING = "the LLM is limiting requests; it asked to wait ";
    static final String NO_CHOICES = "the answer held no reply (no 'choices'): not the OpenAI chat-completions format";
    static final String UNREACHABLE = "cannot reach the server";
    static final String MALFORMED = "malformed answer (not the OpenAI chat-completions format)";
    static final String EMPTY = "empty answer";
    static final String LOOP = "the address points at Loopwise itself; give a language-model server's address";
    static final String NOT_SET = "no address or model is set";
    static final String UNEXPECTED = "the call failed for an unexpected reason (try Test connection on the LLM page)";

    LlmFailure(String reason) {
        super(reason, null, false, false);
    }

    /** The reason behind a failed call: the first cause in the chain that says something. */
    public static String describe(Throwable failure) {
        boolean transportFailed = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LlmFailure || t instanceof LlmRateLimit.Held) {
                return t.getMessage();
            }
            if (t instanceof CircuitBreakerOpenException) {
                return CIRCUIT_OPEN;
            }
            if (t instanceof TimeoutException || t instanceof HttpTimeoutException
                    || t instanceof dev.langchain4j.exception.TimeoutException
                    || t instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
                return TIMEOUT;
            }
            if (t instanceof AuthenticationException) {
                return REFUSED_KEY;
            }
            if (t instanceof ModelNotFoundException) {
                // Every 404 comes as "model not found"; a wrong path is a 404 too, from a server that never read the model.
                return String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("model") ? UNKNOWN_MODEL : NO_SUCH_ADDRESS;
            }
            if (t instanceof RateLimitException) {
                return RATE_LIMITED;
            }
            if (t instanceof InternalServerException && String.valueOf(t.getMessage()).contains("no choices")) {
                return NO_CHOICES;
            }
            if (t instanceof HttpException http && String.valueOf(http.getMessage()).contains("llm_loop")) {
                return LOOP;
            }
            if (t instanceof HttpException http) {
                return "the server answered HTTP " + http.statusCode();
            }
            if (t instanceof ConnectException || t instanceof UnresolvedAddressException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof PortUnreachableException
                    // The JDK's client reports a network it has no route to as a plain socket error, by its message only.
                    || t instanceof SocketException && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("unreachable")) {
                return UNREACHABLE;
            }
            if (t instanceof JsonProcessingException) {
                return MALFORMED;
            }
            if (t instanceof SSLException) {
                return NO_SECURE_CONNECTION;
            }
            // The client wraps the cause in an I/O error of its own: what the causes say (unreachable, timed out) comes first.
            transportFailed |= t instanceof IOException;
        }
        String message = failure.getMessage();
        if (message != null && message.toLowerCase(Locale.ROOT).contains("timed out")) {
            return TIMEOUT;
        }
        if (transportFailed) {
            // The transport failing once connected, with no cause that says more: a server that hung up, or a reply cut off.
            return CUT_OFF;
        }
        // Never the exception's own text: it goes to API callers and the request log, and a client library may quote
        // the request in it, API key included.
        return UNEXPECTED;
    }

    /**
     * The reason Test connection failed: as {@link #describe}, except that a rate limit is the wait the server asked for, since
     * the connection tested is not the one tickets go through and its limit holds none of them back.
     */
    static String describeTested(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LlmRateLimit.Held held && held.asked != null) {
                // Whole seconds, rounded up: a date measured against this clock rarely falls on one.
                return LIMITING + held.asked.plusNanos(999_999_999).toSeconds() + " s";
            }
        }
        return describe(failure);
    }

    /**
     * As {@link #sentence(String, LlmSettings)}, for a ticket that failed at {@code at}, read at {@code now}: a rate limit
     * that held it back and has since ended is told in the past, so the page does not say calls are still held back.
     * {@code heldUntil} is when that hold ended, as logged with the ticket; the time of day in the reason is for reading only,
     * since a hold may last more than a day and names no date.
     */
    static String sentence(String reason, LlmSettings settings, Instant at, Instant heldUntil, Instant now) {
        return heldUntil == null ? sentence(reason, settings, at, now) : reason.startsWith(SLOWED_DOWN) && !heldUntil.isAfter(now)
                ? LlmMessages.llmSlowedDownEnded(reason.substring(SLOWED_DOWN.length())) : sentence(reason, settings);
    }

    /**
     * As {@link #sentence(String, LlmSettings, Instant, Instant, Instant)}, for a log entry written before holds were logged
     * with their end: that end is read from the reason's time of day. Such entries leave the page's day within a day.
     */
    static String sentence(String reason, LlmSettings settings, Instant at, Instant now) {
        if (reason.startsWith(SLOWED_DOWN)) {
            String until = reason.substring(SLOWED_DOWN.length());
            Optional<Instant> ended = heldUntil(until, at);
            if (ended.isPresent() && !ended.get().isAfter(now)) {
                return LlmMessages.llmSlowedDownEnded(until);
            }
        }
        return sentence(reason, settings);
    }

    /** When the hold behind a failure ends, if a rate limit held the call back: what the log keeps beside the reason. */
    static Instant heldUntil(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LlmRateLimit.Held held) {
                return held.until;
            }
        }
        return null;
    }

    /**
     * When a hold named by its time of day ({@code 10:00:12 UTC}) ended, for a ticket it held back at {@code at}: the first
     * such time from a minute before the ticket (its log entry may be written just after the hold ends), since a hold lasts
     * at most LOOPWISE_LLM_MAX_RETRY_AFTER. Empty when the time cannot be read.
     */
    static Optional<Instant> heldUntil(String until, Instant at) {
        try {
            LocalTime time = LocalTime.parse(until, LlmRateLimit.CLOCK);
            Instant from = at.minus(Duration.ofMinutes(1));
            Instant end = from.atOffset(ZoneOffset.UTC).with(time).toInstant();
            return Optional.of(end.isBefore(from) ? end.plus(Duration.ofDays(1)) : end);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * A reason {@link #describe} gave, as the sentence the LLM page shows: what happened and what to check. A timeout names
     * its length and where it is set, since raising it is one of the fixes.
     */
    static String sentence(String reason, LlmSettings settings) {
        if (reason.startsWith("the server answered HTTP 5")) {
            return LlmMessages.llmServerFailed(reason.substring("the server answered ".length()));
        }
        if (reason.startsWith(LIMITING)) {
            return LlmMessages.llmAskedToWait(reason.substring(LIMITING.length()));
        }
        if (reason.startsWith(SLOWED_DOWN)) {
            return LlmMessages.llmSlowedDown(reason.substring(SLOWED_DOWN.length()));
        }
        if (reason.startsWith("the server answered HTTP ")) {
            return LlmMessages.llmServerRefused(reason.substring("the server answered ".length()));
        }
        return switch (reason) {
            case TIMEOUT -> LlmMessages.llmTimedOut(LlmFormats.timeoutSeconds(settings) + " s", "this page".equals(settings.origin())
                    ? "Timeout, seconds, on this page" : "LOOPWISE_LLM_TIMEOUT, until a timeout is saved on this page");
            case UNREACHABLE -> LlmMessages.LLM_REFUSED_CONNECTION;
            case REFUSED_KEY -> LlmMessages.LLM_KEY_REFUSED;
            case UNKNOWN_MODEL -> LlmMessages.LLM_MODEL_UNKNOWN;
            case NO_SUCH_ADDRESS -> LlmMessages.LLM_PATH_UNKNOWN;
            case RATE_LIMITED -> LlmMessages.LLM_RATE_LIMITED;
            case NO_CHOICES, MALFORMED -> LlmMessages.LLM_MALFORMED;
            case CUT_OFF -> LlmMessages.LLM_CUT_OFF;
            case NO_SECURE_CONNECTION -> LlmMessages.LLM_NO_SECURE_CONNECTION;
            case EMPTY -> LlmMessages.LLM_EMPTY_ANSWER;
            case CIRCUIT_OPEN -> LlmMessages.LLM_CIRCUIT_OPEN;
            case BUSY -> LlmMessages.LLM_BUSY;
            case LOOP -> LlmMessages.LLM_LOOP_ADDRESS;
            case NOT_SET -> LlmMessages.LLM_NOT_SET;
            default -> LlmMessages.llmOtherFailure(reason);
        };
    }
}
