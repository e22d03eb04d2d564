package dev.loopwise.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;

/** The reason a failed call gives: the HTTP client wraps what happened in an I/O error of its own. */
class LlmFailureReasonTest {
    @Test
    void aWrappedUnreachableHostIsUnreachableNotACutOffAnswer() {
        assertEquals(LlmFailure.UNREACHABLE, LlmFailure.describe(new IOException("send failed", new NoRouteToHostException("No route to host"))));
        assertEquals(LlmFailure.UNREACHABLE, LlmFailure.describe(new IOException(new SocketException("Network is unreachable"))));
        assertEquals(LlmFailure.UNREACHABLE, LlmFailure.describe(new RuntimeException(new IOException(new ConnectException()))));
    }

    @Test
    void aWrappedTimeoutIsATimeout() {
        assertEquals(LlmFailure.TIMEOUT, LlmFailure.describe(new IOException("failed", new HttpTimeoutException("request timed out"))));
    }

    @Test
    void anIoErrorThatSaysNothingMoreIsAnAnswerCutOff() {
        assertEquals(LlmFailure.CUT_OFF, LlmFailure.describe(new RuntimeException(new IOException("HTTP/1.1 header parser received no bytes"))));
        assertEquals(LlmFailure.CUT_OFF, LlmFailure.describe(new IOException(new SocketException("Connection reset"))));
        assertEquals(LlmFailure.UNEXPECTED, LlmFailure.describe(new IllegalStateException("something else")));
    }
}
