package dev.loopwise.common.http;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import java.nio.charset.StandardCharsets;

/**
 * RestAssured labels a text body it is given without a charset as ISO-8859-1 (text/csv; charset=ISO-8859-1), also when
 * the test hands it UTF-8 bytes, and Loopwise reads a body in the charset its label names ({@link DeclaredCharset}): the
 * tests' bodies are UTF-8, so their label says so. A test about another charset names it itself. Registered in
 * {@code META-INF/services}, so no test has to remember it.
 */
public class Utf8Bodies implements QuarkusTestBeforeEachCallback {
    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        EncoderConfig encoder = RestAssured.config().getEncoderConfig();
        if (!StandardCharsets.UTF_8.name().equals(encoder.defaultContentCharset())) {
            RestAssured.config = RestAssured.config().encoderConfig(encoder.defaultContentCharset(StandardCharsets.UTF_8));
        }
    }
}
