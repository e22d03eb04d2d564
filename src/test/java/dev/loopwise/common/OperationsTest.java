package dev.loopwise.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import dev.loopwise.security.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** What operators rely on: readiness that includes the database, Prometheus metrics, OpenAPI — the last two for admins. */
@QuarkusTest
class OperationsTest {
    @Inject
    ApiKeyService keys;

    private RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + keys.create("admin", "operations").secret());
    }

    @Test
    void readinessIncludesTheDatabase() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().get("/api/v1/me");
        given().get("/q/metrics").then().statusCode(401);
        admin().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDocumentsTheApiAndItsBearerAuthentication() {
        given().accept("application/json").get("/q/openapi").then().statusCode(401);
        admin().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/keys'", notNullValue())
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
