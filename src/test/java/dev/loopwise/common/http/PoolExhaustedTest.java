package dev.loopwise.common.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * When every pooled connection stays taken past the acquisition timeout, a request is told the service is busy and that
 * asking again shortly can succeed, as for a broken connection, not that an unforeseen fault happened. The pool is the
 * application's own, really exhausted: other threads hold each of its connections in an open transaction.
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
        int size = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
        ExecutorService holders = Executors.newFixedThreadPool(size);
        CountDownLatch allHeld = new CountDownLatch(size);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<?>> held = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                held.add(holders.submit(() -> {
                    hold(allHeld, release);
                    return null;
                }));
            }
            allHeld.await();
            admin.request().get("/api/v1/me").then().statusCode(503)
                    .header("x-should-retry", "true")
                    .header("Retry-After", "2")
                    .body("code", equalTo("database_unavailable"))
                    .body("error", containsString("busy"));
        } finally {
            release.countDown();
            for (Future<?> holder : held) {
                holder.get(1, TimeUnit.MINUTES);
            }
            holders.shutdown();
        }
        // The moment passed: the same request, asked again, is served.
        admin.request().get("/api/v1/me").then().statusCode(200);
    }

    /** Takes a connection (waiting while others have them all), opens a transaction on it and keeps it until released. */
    private void hold(CountDownLatch allHeld, CountDownLatch release) throws Exception {
        try (Connection connection = take(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("select 1");
            allHeld.countDown();
            release.await();
            connection.rollback();
        }
    }

    private Connection take() {
        while (true) {
            try {
                return dataSource.getConnection();
            } catch (SQLException busy) {
                // Another part of the application had every connection for the whole wait: try again.
            }
        }
    }
}
