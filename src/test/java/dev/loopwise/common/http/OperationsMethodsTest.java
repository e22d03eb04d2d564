package dev.loopwise.common.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.loopwise.common.Messages;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Health, metrics and the API document only read: another method is a 405 naming GET and HEAD, never the document or the
 * metrics with 200 as if the request had done something, and OPTIONS only names the methods; a stranger on an admin's address is still only told to bring a key.
 */
@QuarkusTest
class OperationsMethodsTest {
    @Inject
    ApiKeyService keys;

    @Test
    void aChangingMethodOnAReadOnlyOperationsAddressIsA405() {
        String key = ScratchAccounts.key(keys.create("admin", "operations methods " + UUID.randomUUID())).secret();
        for (String path : List.of("/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/openapi.json")) {
            for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
                given().header("Authorization", "Bearer " + key).contentType("application/json").body("{}").request(method, path)
                        .then().statusCode(405).header("Allow", equalTo("GET, HEAD, OPTIONS"))
                        .body("code", equalTo("method_not_allowed"))
                        .body("error", equalTo(Messages.methodNotAllowed(OperationsMethods.READ_ONLY)));
                given().header("Authorization", "Bearer " + key).accept("application/json").request(method, path)
                        .then().statusCode(405).body("code", equalTo("method_not_allowed"));
                given().header("Authorization", "Bearer " + key).accept("text/html").request(method, path)
                        .then().statusCode(405).body(containsString("Error 405"));
            }
            given().header("Authorization", "Bearer " + key).get(path).then().statusCode(200);
            // OPTIONS asks what the address takes: it is told that, without the health report, metrics or document.
            given().header("Authorization", "Bearer " + key).options(path).then().statusCode(204)
                    .header("Allow", equalTo("GET, HEAD, OPTIONS")).body(equalTo(""));
        }
        given().options("/q/health/ready").then().statusCode(204).body(equalTo(""));
        given().options("/q/metrics").then().statusCode(401);
        given().accept("text/html").post("/q/health").then().statusCode(405).contentType(containsString("text/html"))
                .body(containsString("Error 405"));
        given().post("/q/metrics").then().statusCode(401).body("code", equalTo("unauthenticated"));
    }

    @Test
    void optionsAnswersWhatGetAnswers() {
        String key = ScratchAccounts.key(keys.create("admin", "operations options " + UUID.randomUUID())).secret();
        // Addresses GET finds: every health group name and every address under /q/metrics/ answer there.
        for (String path : List.of("/q/health/", "/q/health/live", "/q/health/ready/", "/q/health/started", "/q/health/well",
                "/q/health/group", "/q/health/group/nosuch", "/q/metrics/", "/q/metrics/nonexistent", "/q/openapi/",
                "/q/openapi.yaml", "/q/openapi.yml", "/q/openapi?format=json")) {
            given().header("Authorization", "Bearer " + key).get(path).then().statusCode(200);
            given().header("Authorization", "Bearer " + key).options(path).then().statusCode(204)
                    .header("Allow", equalTo("GET, HEAD, OPTIONS")).body(equalTo(""));
        }
        for (String path : List.of("/q/health/x", "/q/health/wellness", "/q/health/live/x", "/q/health.json", "/q/openapi.xyz",
                "/q/openapi/x", "/q/openapi.JSON", "/q/metrics.json")) {
            given().header("Authorization", "Bearer " + key).accept("application/json").get(path).then().statusCode(404);
            given().header("Authorization", "Bearer " + key).accept("application/json").options(path).then().statusCode(404)
                    .header("Allow", nullValue()).body("code", equalTo("not_found"));
        }
        // Nor does a method that changes things learn from a 405 that the address is there.
        for (String path : List.of("/q/health/x", "/q/openapi.xyz", "/q/health/live/x")) {
            for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
                given().header("Authorization", "Bearer " + key).accept("application/json").request(method, path).then()
                        .statusCode(404).header("Allow", nullValue()).body("code", equalTo("not_found"))
                        .body("error", equalTo(Messages.NOT_FOUND));
            }
        }
        given().accept("application/json").post("/q/health/x").then().statusCode(404).header("Allow", nullValue())
                .body("code", equalTo("not_found"));
        given().header("Authorization", "Bearer " + key).accept("application/json").delete("/q/openapi.xyz").then()
                .statusCode(404).body("code", equalTo("not_found"));
        // Health is open: a stranger learns of no address GET would not show them either.
        given().accept("application/json").options("/q/health/x").then().statusCode(404).body("code", equalTo("not_found"));
        given().options("/q/health/group/nosuch").then().statusCode(204);
    }

    @Test
    void optionsOnAnAddressUnderQThatIsNotThereIsA404AsGetIs() {
        String key = ScratchAccounts.key(keys.create("admin", "operations unknown " + UUID.randomUUID())).secret();
        for (String path : List.of("/q", "/q/metricsx", "/q/healthx", "/q/openapix", "/q/", "/q/nothing", "/q/nothing/deeper", "/q/dev",
                "/q/dev-ui", "/q/info")) {
            // An admin and a stranger alike: GET tells either that nothing is there.
            for (RequestSpecification request : List.of(given().header("Authorization", "Bearer " + key), given())) {
                request.accept("application/json").get(path).then().statusCode(404).body("code", equalTo("not_found"));
                request.accept("application/json").options(path).then().statusCode(404).header("Allow", nullValue())
                        .body("code", equalTo("not_found")).body("error", equalTo(Messages.NOT_FOUND));
            }
        }
        // Swagger UI's handler took any address starting with its name for its page.
        for (String method : List.of("GET", "OPTIONS", "POST")) {
            given().header("Authorization", "Bearer " + key).accept("application/json").request(method, "/q/swagger-uix").then()
                    .statusCode(404).header("Allow", nullValue()).body("code", equalTo("not_found"));
        }
        // What is there keeps its answer: Swagger UI's handler answers OPTIONS as it did.
        given().header("Authorization", "Bearer " + key).get("/q/swagger-ui/").then().statusCode(200);
        given().header("Authorization", "Bearer " + key).options("/q/swagger-ui/").then().statusCode(200);
        given().header("Authorization", "Bearer " + key).options("/q/metrics").then().statusCode(204);
        given().options("/q/health").then().statusCode(204);
    }
}
