package dev.loopwise.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What operators rely on: readiness that includes the database, Prometheus metrics, OpenAPI — the last two for admins. */
@QuarkusTest
class OperationsTest {
    @Inject
    ApiKeyService keys;

    private RequestSpecification admin() {
        return given().header("Authorization", "Bearer "
                + ScratchAccounts.key(keys.create("admin", "operations " + UUID.randomUUID())).secret());
    }

    @Test
    void readinessIncludesTheDatabase() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void idleConnectionsTheDatabaseDroppedAreReplacedBeforeARequestMeetsThem() throws Exception {
        ActiveModel.await(); // no start-up training may lose its connection here
        RequestSpecification admin = admin();
        for (int i = 0; i < 3; i++) {
            admin.get("/api/v1/keys").then().statusCode(200);
        }
        // What a PostgreSQL restart does to a pool, limited to the idle connections: work in flight is spared.
        int dropped;
        try (java.sql.Connection own = java.sql.DriverManager.getConnection(url, "loopwise", "loopwise");
             java.sql.ResultSet rows = own.createStatement().executeQuery("""
                     select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity
                     where datname = current_database() and pid <> pg_backend_pid() and state = 'idle'""")) {
            rows.next();
            dropped = rows.getInt(1);
        }
        org.junit.jupiter.api.Assertions.assertTrue(dropped > 0, "the pool had idle connections to drop");
        Thread.sleep(2_500); // idle for longer than the validation interval (LOOPWISE_DB_VALIDATE_IDLE_AFTER, 2 s)
        for (int i = 0; i < 10; i++) {
            admin.get("/api/v1/keys").then().statusCode(200);
        }
    }

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @Test
    void prometheusMetricsAreExposed() {
        given().get("/api/v1/me");
        given().get("/q/metrics").then().statusCode(401);
        admin().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"));
        // Asked for a type it does not give, it says so in our error shape (it answered an empty 406), to admins only.
        given().accept("application/json").get("/q/metrics").then().statusCode(401);
        admin().accept("application/json").get("/q/metrics").then().statusCode(406).contentType(containsString("application/json"))
                .body("code", equalTo("not_acceptable")).body("error", containsString("*/*"));
    }

    @Test
    void openApiDocumentsTheApiAndItsBearerAuthentication() {
        given().accept("application/json").get("/q/openapi").then().statusCode(401);
        admin().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/keys'", notNullValue())
                // Creating endpoints document what they really answer: 201 or 202, and the 400 of a bad request.
                .body("paths.'/api/v1/knowledge/articles'.post.responses.keySet()", org.hamcrest.Matchers.hasItems("201", "202", "400"))
                .body("paths.'/api/v1/rounds'.post.responses.keySet()", org.hamcrest.Matchers.hasItems("202", "409"))
                .body("paths.'/admin'", org.hamcrest.Matchers.nullValue())
                .body("paths.'/review/judge'", org.hamcrest.Matchers.nullValue())
                .body("components.securitySchemes.SecurityScheme.scheme", org.hamcrest.Matchers.equalTo("bearer"))
                .body("components.securitySchemes.SecurityScheme.description", containsString("Authorization: Bearer lw_"));
        given().get("/q/swagger-ui/").then().statusCode(401);
        // A browser is sent to sign in first.
        given().redirects().follow(false).accept("text/html").get("/q/swagger-ui/").then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.endsWith("/login"));
        admin().get("/q/swagger-ui/").then().statusCode(200);
    }
}
