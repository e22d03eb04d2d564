package dev.loopwise.common.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * When every pooled connection stays taken past the acquisition timeout, a request is told the service is busy and that
 * asking again shortly can succeed, as for a broken connection, not that an unforeseen fault happened. The pool is the
 * application's own, really exhausted ({@link HeldPool}).
 */
@QuarkusTest
class PoolExhaustedTest {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ApiKeyService keys;

    @Test
    void aRequestThatFindsNoFreeConnectionIsToldToAskAgainShortly() throws Exception {
        Caller admin = Caller.apiKeyWithoutLimit(keys, "admin");
        admin.request().get("/api/v1/me").then().statusCode(200);
        try (HeldPool held = HeldPool.hold(dataSource)) {
            admin.request().get("/api/v1/me").then().statusCode(503)
                    .header("x-should-retry", "true")
                    .header("Retry-After", "2")
                    .body("code", equalTo("database_unavailable"))
                    .body("error", containsString("busy"));
        }
        // The moment passed: the same request, asked again, is served.
        admin.request().get("/api/v1/me").then().statusCode(200);
    }
}
