package dev.loopwise.common.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.Messages;
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
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A body is read in the charset its Content-Type names; one nobody knows is refused with the charset to use, never read as
 * a guess, as are bytes that are not text in the charset named.
 */
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
                .then().statusCode(415).body("code", equalTo("unsupported_charset")).body("error", containsString("names no charset"));
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

    @Test
    void jsonInItsNamedCharsetIsReadAsWrittenAndBytesThatAreNotTextInItAreRefused() {
        Caller admin = Caller.apiKey(keys, "admin");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (String charset : List.of("UTF-16", "UTF-16LE", "ISO-8859-1")) {
            String name = "clé " + charset + " " + tag;
            byte[] body = ("{\"name\": \"" + name + "\"}").getBytes(Charset.forName(charset));
            admin.request().config(AS_WRITTEN).contentType("application/json; charset=" + charset).body(body).post("/api/v1/keys")
                    .then().statusCode(201).body("name", equalTo(name));
            assertEquals(1L, keysNamed(name), "stored as written, in " + charset);
        }
        byte[] utf16 = ("{\"name\": \"cut " + tag + "\"}").getBytes(StandardCharsets.UTF_16LE);
        admin.request().config(AS_WRITTEN).contentType("application/json; charset=utf-16le").body(Arrays.copyOf(utf16, utf16.length - 1))
                .post("/api/v1/keys").then().statusCode(400).body("code", equalTo("not_in_charset"))
                .body("error", containsString("not valid UTF-16LE text")).body("error", containsString("Nothing was saved"));
        // Declared UTF-8, or naming no charset, bytes that are not UTF-8 are refused as ever.
        byte[] latin1 = ("{\"name\": \"caf\u00e9 " + tag + "\"}").getBytes(StandardCharsets.ISO_8859_1);
        for (String type : List.of("application/json; charset=UTF-8", "application/json")) {
            admin.request().config(AS_WRITTEN).contentType(type).body(latin1).post("/api/v1/keys").then().statusCode(400)
                    .body("code", equalTo("malformed_json")).body("error", equalTo(Messages.BODY_NOT_UTF8));
        }
        assertEquals(0L, keysNamed("cut " + tag) + keysNamed("café " + tag) + keysNamed("caf\uFFFD " + tag), "nothing was stored");
    }

    /** A browser's form post with the Content-Type exactly as given. */
    private static HttpResponse<String> postForm(Caller caller, String contentType, String body) throws Exception {
        String cookies = caller.cookies().entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; "));
        HttpRequest request = HttpRequest.newBuilder(URI.create(Caller.origin() + "/account/keys"))
                .header("Content-Type", contentType).header("Accept", "text/html").header("Origin", Caller.origin())
                .header("Cookie", cookies).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.US_ASCII)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private long keysNamed(String name) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from api_keys where name = ?1").setParameter(1, name).getSingleResult()).longValue());
    }

    private long tickets(String text) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from tickets where text = ?1").setParameter(1, text).getSingleResult()).longValue());
    }
}
