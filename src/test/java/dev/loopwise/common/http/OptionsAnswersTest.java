package dev.loopwise.common.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
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
        // The sign-in form's address takes its POST alone.
        given().options("/j_security_check").then().statusCode(204).header("Allow", equalTo("POST, OPTIONS"));
        // A page keeps the methods its resource takes.
        given().options("/login").then().statusCode(204).header("Allow", containsString("GET, HEAD"));
    }
}
