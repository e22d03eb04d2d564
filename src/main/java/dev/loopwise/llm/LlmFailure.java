package dev.loopwise.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.ModelNotFoundException;
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
                return "the server refused the API key";
            }
            if (t instanceof ModelNotFoundException) {
                return "the server does not know this model";
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
