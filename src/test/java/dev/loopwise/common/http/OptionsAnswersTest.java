package dev.loopwise.common.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.loopwise.common.Messages;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * OPTIONS on an address no page, resource or file answers is a 404, as GET is, rather than a 200 that told the caller it
 * was there; the application's own files are named with the methods GET finds them by.
 */
@QuarkusTest
class OptionsAnswersTest {
    static final String CHARTS = "/webjars/chart.js/4.4.9/dist/chart.umd.js";

    @Test
    void optionsOnATopLevelAddressNothingServesIsA404AsGetIs() {
        for (String path : List.of("/nothing", "/favicon.ico", "/css", "/css/", "/css/nothing.css", "/js/nothing.js",
                "/favicon.svg/x")) {
            given().accept("application/json").get(path).then().statusCode(404);
            given().accept("application/json").options(path).then().statusCode(404).header("Allow", nullValue())
                    .body("code", equalTo("not_found")).body("error", equalTo(Messages.NOT_FOUND));
        }
    }

    @Test
    void optionsOnTheApplicationsOwnFileNamesWhatItTakes() {
        for (String path : List.of("/favicon.svg", "/css/loopwise.css", "/js/confirm.js")) {
            given().get(path).then().statusCode(200);
            given().options(path).then().statusCode(204).header("Allow", equalTo("GET, HEAD, OPTIONS")).body(equalTo(""));
        }
        // Packed in a jar, as every file is in the packaged application: a file is named, its folder is not there.
        given().get(CHARTS).then().statusCode(200);
        given().options(CHARTS).then().statusCode(204).header("Allow", equalTo("GET, HEAD, OPTIONS"));
        given().accept("application/json").options(CHARTS.substring(0, CHARTS.lastIndexOf('/'))).then().statusCode(404);
        // The sign-in form's address takes its POST alone.
        given().options("/j_security_check").then().statusCode(204).header("Allow", equalTo("POST, OPTIONS"));
        // A page keeps the methods its resource takes.
        given().options("/login").then().statusCode(204).header("Allow", containsString("GET, HEAD"));
    }

    @Test
    void aBrowserOnAnAddressNothingServesUnderSwaggerUiIsToldThePageIsNotFound() {
        given().accept("text/html").get("/q/swagger-uix").then().statusCode(404)
                .body(containsString("<title>Not Found"))
                .body(not(containsString("Unsupported Media Type")));
    }
}
