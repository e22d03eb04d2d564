package dev.loopwise.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.HttpMessages;
import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Behind a proxy that ends TLS, what Loopwise builds from the request — the address it redirects to, the reviewers'
 * address on Review quality, whether a sign-in cookie is marked Secure — says https when the proxy says the client came
 * over https, and only when the proxy is one the configuration trusts (127.0.0.7 in tests): a client that reaches the
 * instance directly cannot make it believe its own X-Forwarded-Proto.
 */
@QuarkusTest
class ForwardedSchemeTest {
    private static final String TRUSTED_PROXY = "127.0.0.7";
    private static final List<String> STRANGERS = List.of("127.0.0.1", "127.0.0.8");

    @Inject
    ApiKeyService keys;

    @Test
    void aTrustedProxySaysHttpsAndTheAddressesSayItToo() {
        String key = Caller.apiKey(keys, "admin").apiKey();
        assertEquals("https://support.example.com/admin", header(send(TRUSTED_PROXY, "GET / ", key, ""), "Location"));
        String review = send(TRUSTED_PROXY, "GET /admin/review ", key, "");
        assertFalse(review.contains("http://support.example.com"), "no plain-http address on Review quality");
        // Named under Reviewers whatever the next step is, so this holds on any data the suite left.
        assertEquals("https://support.example.com/review", reviewersAddress(review));
        assertTrue(stampCookie(TRUSTED_PROXY).contains("Secure"), "a sign-in over https gets a Secure cookie");
    }

    @Test
    void anyoneElseSayingHttpsIsNotBelieved() {
        String key = Caller.apiKey(keys, "admin").apiKey();
        for (String stranger : STRANGERS) {
            assertEquals("http://support.example.com/admin", header(send(stranger, "GET / ", key, ""), "Location"), stranger);
            String review = send(stranger, "GET /admin/review ", key, "");
            assertFalse(review.contains("https://support.example.com"), stranger);
            assertEquals("http://support.example.com/review", reviewersAddress(review), stranger);
            assertFalse(stampCookie(stranger).contains("Secure"), stranger);
        }
    }

    @Test
    void overHttpsThroughATrustedProxyBrowsersAreToldToStayOnHttpsAndEveryCookieIsSecure() {
        // Without LOOPWISE_SECURITY_TLS (as in tests): an operator who forgot it still gets HSTS for this host.
        for (String answer : List.of(signIn(TRUSTED_PROXY), send(TRUSTED_PROXY, "GET /login ", null, ""))) {
            assertEquals(SecurityHeaders.HSTS_THIS_HOST, header(answer, "Strict-Transport-Security"));
            List<String> cookies = setCookies(answer);
            assertFalse(cookies.isEmpty(), answer);
            cookies.forEach(cookie -> assertTrue(cookie.matches("(?i).*;\\s*secure(;.*)?"), cookie));
        }
        for (String stranger : STRANGERS) {
            String answer = send(stranger, "GET /login ", null, "");
            assertFalse(answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase().contains("strict-transport-security"),
                    "a client saying https itself gets no HSTS: " + stranger);
        }
    }

    @Test
    void forwardingWithoutANamedProxyRefusesToStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> ProxyTrust.check(true, Optional.empty()));
        assertEquals(HttpMessages.TRUSTED_PROXIES_REQUIRED, refused.getMessage());
        assertThrows(IllegalStateException.class, () -> ProxyTrust.check(true, Optional.of(List.of(" "))));
        ProxyTrust.check(true, Optional.of(List.of("balancer")));
        ProxyTrust.check(false, Optional.empty());
    }

    /** The session stamp cookie of an admin's sign-in sent through {@code from}. */
    private static String stampCookie(String from) {
        String answer = signIn(from);
        return answer.lines().filter(line -> line.regionMatches(true, 0, "Set-Cookie: " + SessionStamps.COOKIE + "=", 0,
                SessionStamps.COOKIE.length() + 13)).findFirst().orElseThrow(() -> new AssertionError("not signed in: " + answer));
    }

    /** The whole answer to an admin's sign-in sent through {@code from}. */
    private static String signIn(String from) {
        String body = "j_username=admin&j_password=" + DemoWorkspace.ADMIN_PASSWORD;
        return send(from, "POST /j_security_check ", null, "Origin: https://support.example.com\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
    }

    private static List<String> setCookies(String answer) {
        return answer.substring(0, answer.indexOf("\r\n\r\n")).lines().filter(line -> line.regionMatches(true, 0, "Set-Cookie:", 0, 11))
                .toList();
    }

    /**
     * A request to support.example.com over a connection from {@code from}, carrying what a proxy that ended TLS adds:
     * X-Forwarded-Proto https and the client's address. Answers the whole response.
     */
    private static String send(String from, String requestLine, String key, String rest) {
        String request = requestLine + "HTTP/1.1\r\nHost: support.example.com\r\nAccept: text/html\r\n"
                + (key == null ? "" : "Authorization: Bearer " + key + "\r\n")
                + "X-Forwarded-Proto: https\r\nX-Forwarded-For: 203.0.113.9\r\nConnection: close\r\n" + (rest.isEmpty() ? "\r\n" : rest);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), RestAssured.port), 5000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The address Review quality tells the lead to send reviewers. */
    private static String reviewersAddress(String page) {
        int at = page.indexOf("id=\"reviewers-address\"");
        assertTrue(at >= 0, "Review quality names the reviewers' address: " + page);
        int href = page.indexOf("href=\"", at) + "href=\"".length();
        return page.substring(href, page.indexOf('"', href));
    }

    private static String header(String answer, String name) {
        return answer.substring(0, answer.indexOf("\r\n\r\n")).lines().filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(line -> line.substring(name.length() + 1).trim()).findFirst().orElseThrow(() -> new AssertionError("no " + name + ": " + answer));
    }
}
