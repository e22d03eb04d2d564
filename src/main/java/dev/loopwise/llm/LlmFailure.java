package dev.loopwise.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/** Why the LLM gave no drafts, in words a support lead can act on (shown in responses, the request log and the page). */
public final class LlmFailure extends RuntimeException {
    public static final String TIMEOUT = "timeout";
    public static final String CIRCUIT_OPEN = "circuit open";
    public static final String BUSY = "busy";
    static final String UNREADABLE = "the server's answer could not be read (is the address an OpenAI-compatible server?)";
    static final String REFUSED_KEY = "the server refused the API key";
    static final String UNKNOWN_MODEL = "the server does not know this model";
    static final String NO_SUCH_ADDRESS = "nothing answers at this address (HTTP 404): check its path, which usually ends in /v1";
    static final String RATE_LIMITED = "the server is limiting requests (HTTP 429): too many calls or tokens for this key";
    static final String NO_CHOICES = "the answer held no reply (no 'choices'): not the OpenAI chat-completions format";
    static final String UNEXPECTED = "the call failed for an unexpected reason (try Test connection on the LLM page)";

    LlmFailure(String reason) {
        super(reason, null, false, false);
    }

    /** The reason behind a failed call: the first cause in the chain that says something. */
    public static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LlmFailure known) {
                return known.getMessage();
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
                return "the address points at Loopwise itself; give a language-model server's address";
            }
            if (t instanceof HttpException http) {
                return "the server answered HTTP " + http.statusCode();
            }
            if (t instanceof ConnectException || t instanceof UnresolvedAddressException
                    || t instanceof UnknownHostException) {
                return "cannot reach the server";
            }
            if (t instanceof JsonProcessingException) {
                return "malformed answer (not the OpenAI chat-completions format)";
            }
            if (t instanceof IOException) {
                return UNREADABLE;
            }
        }
        String message = failure.getMessage();
        if (message != null && message.toLowerCase(Locale.ROOT).contains("timed out")) {
            return TIMEOUT;
        }
        // Never the exception's own text: it goes to API callers and the request log, and a client library may quote
        // the request in it, API key included.
        return UNEXPECTED;
    }
}
