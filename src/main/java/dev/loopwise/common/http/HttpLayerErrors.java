package dev.loopwise.common.http;

import dev.loopwise.common.HttpMessages;
import dev.loopwise.common.Messages;
import dev.loopwise.common.QueryMessages;
import dev.loopwise.common.text.PlainText;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Refusals made before any resource reads the request, each with the sentence that says what to fix, in the page or
 * error shape the caller reads: a compressed body (415; it would be parsed as garbage), and an address Java cannot
 * parse (a malformed %-escape, a raw space or quote), which Quarkus would refuse with an empty 400 before any route
 * runs — {@link #HANDED_OVER} hands that check to this route. It runs first, before anything reads the path or the
 * query (the security headers' filter included), so its page carries a strict policy of its own.
 */
@ApplicationScoped
public class HttpLayerErrors {
    /** The system property that switches Quarkus' own check off; set by the launcher's entry point and by the tests. */
    public static final String HANDED_OVER = "vertx.disableURIValidation";
    /**
     * The longest address and the most header bytes a request may have. The HTTP layer's own limits sit well above these
     * (application.properties), because it refuses with an empty answer; past them nothing here can answer in words.
     */
    public static final int MAX_ADDRESS = 8192;
    static final int MAX_HEADERS = 20 * 1024;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            int addressLength = context.request().uri().length();
            if (addressLength > MAX_ADDRESS) {
                refuse(context, 414, "address_too_long", HttpMessages.addressTooLong(addressLength, MAX_ADDRESS));
                return;
            }
            int headerBytes = 0;
            for (var header : context.request().headers()) {
                headerBytes += header.getKey().length() + header.getValue().length() + 4; // ": " and the line's end
            }
            if (headerBytes > MAX_HEADERS) {
                refuse(context, 431, "headers_too_large", HttpMessages.headersTooLarge(headerBytes, MAX_HEADERS));
                return;
            }
            String path;
            try {
                path = new URI(context.request().uri()).getPath();
            } catch (URISyntaxException e) {
                refuse(context, 400, "malformed_address", HttpMessages.malformedAddress(e.getReason(), e.getIndex()));
                return;
            }
            // Vert.x decodes escaped bytes that are not UTF-8 (%E9, Latin-1's é) to U+FFFD without a word: a search for
            // that mark, or an article named by it, is not what the client meant.
            String notUtf8 = escapesNotUtf8(context.request().uri());
            if (notUtf8 != null) {
                refuse(context, 400, "malformed_address", HttpMessages.escapeNotUtf8(notUtf8));
                return;
            }
            // A %00 in a path segment (an intent's or a user's name) reached PostgreSQL, which cannot store it.
            String controlInPath = path == null ? null : PlainText.firstControlCharacter(path);
            if (controlInPath != null) {
                refuse(context, 400, "malformed_address", HttpMessages.controlCharacterInPath(controlInPath));
                return;
            }
            // Parameters in a path segment (/api;x/v1/me): the resources read past them, while the rules that say who may
            // call which path did not match the path that holds one (a session reached the API, which takes keys only).
            // No address of Loopwise has one, so none reaches either.
            int semicolon = context.request().path() == null ? -1 : context.request().path().indexOf(';');
            if (semicolon >= 0) {
                refuse(context, 400, "malformed_address", HttpMessages.semicolonInPath(semicolon));
                return;
            }
            // Every query parameter here takes one value, and the resources would read the first of several silently
            // (?limit=1&limit=500 answered with one row): a repeated one is a mistake to show, not to guess at.
            for (String name : context.queryParams().names()) {
                int given = context.queryParams().getAll(name).size();
                if (given > 1) {
                    refuse(context, 400, "repeated_parameter", QueryMessages.repeatedParameter(name, given));
                    return;
                }
                // PostgreSQL refuses a NUL in text with an error the resource cannot word, and no other control character is
                // something a person typed into a search box or a link.
                String inName = PlainText.firstControlCharacter(name);
                String inValue = PlainText.firstControlCharacter(context.queryParams().get(name));
                if (inName != null || inValue != null) {
                    refuse(context, 400, "invalid_parameter", HttpMessages.controlCharacterInParameter(name, inName, inValue));
                    return;
                }
            }
            // Bodies are read as sent: a compressed one would be parsed as garbage and refused as malformed JSON.
            String encoding = context.request().getHeader(HttpHeaders.CONTENT_ENCODING);
            if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
                refuse(context, 415, "unsupported_encoding", HttpMessages.contentEncoding(encoding.strip()));
                return;
            }
            // A charset nobody knows ("charset=foo") was read as UTF-8 without a word: the body may not be what was sent.
            String charset = context.request().method() == HttpMethod.GET || context.request().method() == HttpMethod.HEAD ? null
                    : unknownCharset(context.request().getHeader(HttpHeaders.CONTENT_TYPE));
            if (charset != null) {
                refuse(context, 415, "unsupported_charset", HttpMessages.unknownCharset(charset));
                return;
            }
            context.next();
        });
    }

    /**
     * The charset a Content-Type names when Java does not know it, else null. A known one is honoured: forms are decoded
     * in it, and every other body is read in it ({@link DeclaredCharset}).
     */
    static String unknownCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            int equals = parameter.indexOf('=');
            if (equals < 0 || !parameter.substring(0, equals).strip().equalsIgnoreCase("charset")) {
                continue;
            }
            String name = parameter.substring(equals + 1).strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1).strip();
            }
            try {
                if (!Charset.isSupported(name)) {
                    return name;
                }
            } catch (IllegalArgumentException e) { // an illegal name ("", "a b") is not a charset either
                return name;
            }
        }
        return null;
    }

    /** The first run of %-escapes in the address that is not UTF-8 ("%E9"), or null when all are. */
    static String escapesNotUtf8(String uri) {
        int i = uri.indexOf('%');
        while (i >= 0) {
            int start = i;
            ByteArrayOutputStream run = new ByteArrayOutputStream();
            try {
                while (i + 2 < uri.length() && uri.charAt(i) == '%') {
                    run.write(Integer.parseInt(uri.substring(i + 1, i + 3), 16));
                    i += 3;
                }
            } catch (NumberFormatException e) {
                return null; // not an escape: the address check above names it
            }
            try {
                StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(run.toByteArray()));
            } catch (CharacterCodingException e) {
                return uri.substring(start, Math.min(i, start + 30));
            }
            i = uri.indexOf('%', Math.max(i, start + 1));
        }
        return null;
    }

    /**
     * Answers before any resource ran, so without the filters that add the security headers to other answers: a page
     * for a browser, our JSON shape (OpenAI's on its paths) for the rest, with the same headers set here.
     */
    public static void refuse(RoutingContext context, int status, String code, String message) {
        refuse(context, null, status, code, message);
    }

    /** {@code identity}: who is asking, when known (the page then shows their menu), else null. */
    static void refuse(RoutingContext context, SecurityIdentity identity, int status, String code, String message) {
        String uri = context.request().uri();
        String accept = String.valueOf(context.request().getHeader(HttpHeaders.ACCEPT));
        var response = context.response().setStatusCode(status).putHeader(HttpHeaders.CONNECTION, "close")
                .putHeader("Content-Security-Policy", "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
                .putHeader("X-Content-Type-Options", "nosniff").putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "same-origin").putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (RequestKind.wantsHtml(uri, accept, context.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
            String title = switch (status) {
                case 400 -> "Bad Request";
                case 403 -> "Forbidden";
                case 404 -> "Not Found";
                case 405 -> "Method Not Allowed";
                case 406 -> "Not Acceptable";
                case 413 -> "Payload Too Large";
                case 414 -> "URI Too Long";
                case 421 -> "Misdirected Request";
                case 431 -> "Request Header Fields Too Large";
                case 503 -> "Service Unavailable";
                default -> "Unsupported Media Type";
            };
            response.putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8").end(ErrorPage.render(context,
                    identity != null ? identity : ErrorPage.remembered(context), status, title, heading(status, code, title), message));
        } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(Json.encode(uri.startsWith("/v1/") ? OpenAiError.of(status, code, message) : new ApiError(code, message)));
        }
    }

    /**
     * A refused cross-site change, or one without its token, is no matter of the person's role, which the usual heading
     * of a 403 would say it is; a busy moment is said as such.
     */
    private static String heading(int status, String code, String title) {
        return "cross_origin".equals(code) || "token_missing".equals(code) ? HttpMessages.CROSS_ORIGIN_HEADING
                : "database_unavailable".equals(code) ? Messages.BUSY_HEADING : HttpMessages.errorHeading(status, title);
    }
}
