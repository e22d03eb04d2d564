package dev.loopwise.common.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A body whose Content-Type names a charset nobody knows is refused with the charset to use, never read as a guess. */
@QuarkusTest
class BodyCharsetTest {
    /** Sends the Content-Type exactly as written: RestAssured would otherwise add or rewrite its charset. */
    private static final RestAssuredConfig AS_WRITTEN = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @Test
    void anUnknownCharsetOnAJsonCallOrAFileImportIsA415NamingUtf8() {
        Caller admin = Caller.apiKey(keys, "admin");
        admin.request().config(AS_WRITTEN).contentType("application/json; charset=foo")
                .body("{\"text\":\"where is my order\"}".getBytes(StandardCharsets.UTF_8)).post("/api/v1/classify")
                .then().statusCode(415).body("code", equalTo("unsupported_charset"))
                .body("error", containsString("'foo'")).body("error", containsString("charset=utf-8"));
        String tag = UUID.randomUUID().toString();
        admin.request().config(AS_WRITTEN).contentType("text/csv; charset=\"nonsense\"")
                .body(("text,label\nhello " + tag + ",oos\n").getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/tickets")
                .then().statusCode(415).body("code", equalTo("unsupported_charset")).body("error", containsString("'nonsense'"));
        assertEquals(0L, tickets("hello " + tag), "nothing imported");
        admin.request().config(AS_WRITTEN).contentType("application/x-ndjson;charset=")
                .body(("{\"text\":\"hello " + tag + "\"}\n").getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/tickets")
                .then().statusCode(415).body("code", equalTo("unsupported_charset"));
        // A known charset is no refusal: UTF-8, named in any case, is read as ever.
        admin.request().config(AS_WRITTEN).contentType("application/json; charset=UTF-8")
                .body("{\"text\":\"where is my order\"}".getBytes(StandardCharsets.UTF_8)).post("/api/v1/classify")
                .then().statusCode(not(415));
    }

    @Test
    void aFormWithAnUnknownCharsetGetsAPageSayingSoAndAKnownOneIsDecodedInIt() throws Exception {
        Caller admin = Caller.session("admin");
        String name = "charset-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> refused = postForm(admin, "application/x-www-form-urlencoded; charset=foo",
                "csrf-token=" + admin.csrfToken() + "&name=" + name);
        assertEquals(415, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("text/html")
                && refused.body().contains("&#39;foo&#39;") && refused.body().contains("charset=utf-8"), refused.body());
        assertTrue(!admin.pageRequest().get("/account").asString().contains(name), "no key was made");
        // RestAssured cannot even send this one: the client library itself refuses a charset it does not know.
        HttpResponse<String> latin1 = postForm(admin, "application/x-www-form-urlencoded; charset=ISO-8859-1",
                "csrf-token=" + admin.csrfToken() + "&name=" + name + "+caf%E9");
        assertEquals(303, latin1.statusCode(), latin1.body());
        assertTrue(admin.pageRequest().get("/account").asString().contains(name + " café"), "read in its own charset");
    }

    /** A browser's form post with the Content-Type exactly as given. */
    private static HttpResponse<String> postForm(Caller caller, String contentType, String body) throws Exception {
        String cookies = caller.cookies().entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; "));
        HttpRequest request = HttpRequest.newBuilder(URI.create(Caller.origin() + "/account/keys"))
                .header("Content-Type", contentType).header("Accept", "text/html").header("Origin", Caller.origin())
                .header("Cookie", cookies).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.US_ASCII)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private long tickets(String text) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from tickets where text = ?1").setParameter(1, text).getSingleResult()).longValue());
    }
}
