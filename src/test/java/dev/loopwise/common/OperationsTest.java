package dev.loopwise.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What operators rely on: readiness that includes the database, Prometheus metrics, OpenAPI. */
@QuarkusTest
class OperationsTest {

    @Test
    void readinessIncludesTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().get("/api/v1/me");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDocumentsTheApiAndItsBearerAuthentication() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/keys'", notNullValue())
                .body("paths.'/admin'", org.hamcrest.Matchers.nullValue())
                .body("paths.'/review/judge'", org.hamcrest.Matchers.nullValue())
                .body("components.securitySchemes.SecurityScheme.scheme", org.hamcrest.Matchers.equalTo("bearer"))
                .body("components.securitySchemes.SecurityScheme.description", containsString("Authorization: Bearer lw_"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
