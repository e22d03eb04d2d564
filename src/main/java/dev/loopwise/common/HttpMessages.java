package dev.loopwise.common;

import dev.loopwise.common.text.PlainText;
import java.util.Locale;

/**
 * Sentences for requests the HTTP layer refuses before any resource reads them: the address, the headers, the body's
 * size and encoding. Each says what to change so the next request passes.
 */
public final class HttpMessages {
    private HttpMessages() {
    }

    /** A page's own request (judging, undo) whose security token the CSRF check refused. */
    public static final String PAGE_EXPIRED = "This page has expired or did not come from a Loopwise page (its security token does"
            + " not match, as after signing in again elsewhere). Reload the page and try again; nothing was saved.";

    /** A form's number typed with spaces around it (" 3 "): the digits are right, the spaces are the mistake. */
    public static String spacesAroundNumber(String value) {
        return "'" + value + "' has spaces around the number: type the number alone. Nothing was saved; go back to correct it.";
    }

    /** An id, page number or count in the address written with another script's digits ("١٢٣", full-width "１２３"). */
    public static String otherDigitsInAddress(String value) {
        return "'" + value + "' is written with digits other than 0 to 9: write ids, page numbers and counts in the address"
                + " with the digits 0 to 9.";
    }

    /**
     * An id or count in the address or a form written with a sign, a leading zero or spaces ("+1", "01", " 1"): read as
     * 1 it would give one row two names, so it is refused with the one rule, in the same words wherever it is met.
     */
    public static String notPlainNumber(String value) {
        return notPlainNumber(value, value);
    }

    /** As {@link #notPlainNumber(String)}, quoting {@code shown} (the value as escaped for a sentence) and reading {@code sent}. */
    public static String notPlainNumber(String shown, String sent) {
        String meant = sent.strip().replaceFirst("^\\+?0*(?=[0-9])", "");
        return "'" + shown + "' is not a plain number: ids are plain positive whole numbers, written with the digits 0 to 9"
                + " alone, without a sign, leading zeros or spaces" + (meant.length() <= 40 && meant.matches("[1-9][0-9]*") ? ": write '" + meant + "'." : ".");
    }

    /** A form's number typed with another script's digits: the same rule as in the address. */
    public static String otherDigitsInForm(String value) {
        return "'" + value + "' is written with digits other than 0 to 9: type the number with the digits 0 to 9. Nothing was"
                + " saved; go back to correct it.";
    }

    /** A command's --url whose host name no name server knows (a typo, or a machine on another network). */
    public static final String UNKNOWN_HOST = "no server of that name was found (the name in --url does not resolve): check its"
            + " spelling, or give the machine's IP address";

    /** A command's request that Loopwise refused, with Loopwise's own sentence. */
    public static String refusedByLoopwise(String request, int status, String said) {
        return "Loopwise refused " + request + " (HTTP " + status + "): " + said;
    }

    /** A command's request answered by something that is not Loopwise (a web page, another service, a wrong path). */
    public static String notLoopwise(String address, int status) {
        return "what answers at " + address + " is not Loopwise (HTTP " + status + " without Loopwise's error in JSON): check"
                + " --url, the address Loopwise's pages open at";
    }

    /** A command's --url where a server takes the connection but sends no HTTP answer (a database's port, or TLS). */
    public static final String NO_HTTP_ANSWER = "the server at --url closed the connection without an HTTP answer: it is not"
            + " Loopwise, or it takes https:// (check --url)";

    /** A command's --url (or --versus) that is not the address of a server. */
    public static String notAServerAddress(String value) {
        String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        return "'" + shown + "' is not the address of a running Loopwise: write it as http://HOST:PORT"
                + " (such as http://localhost:8080), with https:// for one behind TLS, without spaces, a query or a fragment.";
    }

    /** The heading of a page a browser gets for a failed request: what happened in a few plain words. */
    public static String errorHeading(int status, String reasonPhrase) {
        return switch (status) {
            case 400 -> "Something in that request needs fixing";
            case 403 -> "Your role does not open this page";
            case 404 -> "Page not found";
            case 405 -> "This page cannot be opened that way";
            case 413 -> "Too much was sent at once";
            case 415 -> "What was sent could not be read";
            case 500 -> "Something went wrong on our side";
            case 503 -> "Loopwise cannot answer just now";
            default -> reasonPhrase;
        };
    }

    /** A browser that opened the address a form is sent to (from its history, or a bookmark): it is no page to show. */
    public static final String FORM_ADDRESS_OPENED = "This address is where a form on a Loopwise page sends what you typed; it is"
            + " not a page to open. Go back to the page with the form and send it from there.";

    /** The heading of the page a browser gets for a form sent without its security token, or with an out-of-date one. */
    public static final String FORM_EXPIRED_HEADING = "This form needs to be reloaded";

    /** The heading of the page a browser gets for a change sent from another site, or naming no origin at all. */
    public static final String CROSS_ORIGIN_HEADING = "This change did not come from a Loopwise page";

    /** A body whose Content-Type names a charset Java does not know ("charset=foo"): reading it as UTF-8 would be a guess. */
    public static String unknownCharset(String charset) {
        if (charset.isBlank()) {
            // "charset=" with nothing after it: quoting '' as a charset name reads as a garbled message.
            return "The body's Content-Type says charset= but names no charset, so it was not read: say charset=utf-8 and send"
                    + " the body as UTF-8, or leave the charset out. Nothing was saved.";
        }
        String shown = charset.length() > 40 ? charset.substring(0, 40) + "…" : charset;
        return "The body's Content-Type names the charset '" + shown + "', which Loopwise does not know, so it was not read:"
                + " send the body as UTF-8 and say charset=utf-8 (or name no charset). Nothing was saved.";
    }

    /** A body whose bytes are not text in the charset its Content-Type names (UTF-16 cut at an odd byte, windows-1252's gaps). */
    public static String bodyNotInCharset(String charset) {
        return "The body is not valid " + charset + " text, though its Content-Type says charset=" + charset + ", so it was not"
                + " read: send it in the charset the header names, or as UTF-8 with charset=utf-8. Nothing was saved.";
    }

    public static String malformedContentType(String contentType) {
        String shown = contentType.length() > 40 ? contentType.substring(0, 40) + "…" : contentType;
        return "The Content-Type header '" + shown + "' names no media type: write it as type/subtype, such as application/json"
                + " for a JSON body, or leave the header out when sending no body. Nothing was saved.";
    }

    public static String contentEncoding(String encoding) {
        String shown = encoding.length() > 40 ? encoding.substring(0, 40) + "…" : encoding;
        return "The body is sent with Content-Encoding '" + shown + "', which Loopwise does not read: send it uncompressed"
                + " (leave the header out).";
    }

    public static String malformedAddress(String reason, int position) {
        return "The address is not a valid URL (" + reason.toLowerCase(Locale.ROOT)
                + (position >= 0 ? " at character " + (position + 1) : "") + "). Percent-encode special characters in it: "
                + "a space as %20, '%' itself as %25, quotes and brackets too; most HTTP clients do this for you.";
    }

    public static String semicolonInPath(int position) {
        return "The address's path holds a ';' at character " + (position + 1) + ", which no Loopwise address has: remove it"
                + " (and what follows it up to the next '/'), or write it as %3B where it is part of a value.";
    }

    public static String addressTooLong(int length, int limit) {
        return String.format(Locale.ROOT, "The address is %,d characters long; at most %,d are accepted. Send long values in"
                + " the body of a POST instead of the query string.", length, limit);
    }

    public static String headersTooLarge(int bytes, int limit) {
        return String.format(Locale.ROOT, "The request's headers take %,d bytes; at most %,d are accepted. A cookie that"
                + " grew too large is the usual cause: clear this site's cookies and sign in again.", bytes, limit);
    }

    public static String payloadTooLarge(String limit) {
        return "The request body is larger than the limit of " + limit + ". Send less data per request: split a file into parts"
                + " under " + limit + " and import them one after another, or ask whoever runs Loopwise to raise LOOPWISE_MAX_BODY_SIZE.";
    }

    /** Said by an upload form before it sends a file over the limit, which would only come back refused. */
    public static String fileTooLarge(String limit) {
        return "This file is larger than " + limit + ", the most Loopwise accepts at once: split it into parts under " + limit
                + " and import them one after another.";
    }

    public static String unnamedFormField() {
        return "The form holds a value without a field name (an '=' at the start of a field, or '&' and '=' with nothing"
                + " between): send each field as name=value. Nothing was saved.";
    }

    public static String repeatedFormField(String name, int given) {
        return "The form sends the field '" + name + "' " + given + " times, and it takes one value: send it once. Nothing was"
                + " saved.";
    }

    public static String formFieldNul(String name, int position) {
        return "The form's field '" + PlainText.quoted(name) + "' holds a NUL character (U+0000 at character " + position + "),"
                + " which no one types and Loopwise cannot store: remove control characters from it and send the form again."
                + " Nothing was saved.";
    }

    public static String formFieldNotUtf8(String name) {
        return "The form's field '" + name + "' holds a '\uFFFD' replacement mark where a character could not be read (bytes"
                + " that are not UTF-8, such as Latin-1's %E9 for é): type that character again, or send the form as UTF-8 (é is"
                + " %C3%A9). Nothing was saved.";
    }

    public static String controlCharacterInParameter(String name, String inName, String inValue) {
        String printable = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return inName != null
                ? "A query parameter's name holds a control character (" + inName + "): remove it from the address."
                : "The query parameter '" + printable + "' holds a control character (" + inValue + "): remove it from the address.";
    }

    public static String controlCharacterInPath(String found) {
        return "The address's path holds a control character once decoded (" + found + "), which no name or number here has:"
                + " remove it from the address.";
    }

    public static String escapeNotUtf8(String escapes) {
        return "The address holds %-escaped bytes that are not UTF-8 text (" + escapes + "), which would be read as '\uFFFD'"
                + " replacement marks: encode the address as UTF-8 (é is %C3%A9, not %E9).";
    }

    /** A bidirectional embedding, override or isolate in a text sent (found as "U+202E at character 4, a right-to-left override"). */
    public static String directionControlInText(String field, String found) {
        return "The field '" + (field == null ? "text" : field) + "' holds an invisible character that changes the writing direction"
                + " (" + found + "): it would show the next reader the text in another order than it was written. Remove it"
                + " and send the text again; nothing was saved. Right-to-left text itself (Arabic, Hebrew) is fine, and so are"
                + " the marks U+200E and U+200F.";
    }

    /** An API request with more than one Authorization header: which key should act would be a guess. */
    public static String severalAuthorizationHeaders(int count) {
        return "The request carries " + count + " Authorization headers (or values joined by a comma): send one,"
                + " 'Authorization: Bearer <key>'. With several, which key acts would be a guess, so none does.";
    }

    /** Forwarding turned on without naming the proxy: Quarkus would then believe forwarded headers from any client. */
    public static final String TRUSTED_PROXIES_REQUIRED = "LOOPWISE_BEHIND_PROXY is on but no proxy is named: set"
            + " LOOPWISE_TRUSTED_PROXIES to the address, network (10.0.0.0/8) or host name of your proxy and start again."
            + " Without it anyone who reaches this instance directly could claim any client address or https.";

    /**
     * A wait as a person reads it, from a {@code Retry-After} in seconds: "about 40 seconds", "about 15 minutes". Rounded
     * up, so that trying again when it says does not meet the refusal once more.
     */
    public static String about(long seconds) {
        long s = Math.max(1, seconds);
        if (s < 90) {
            return "about " + s + (s == 1 ? " second" : " seconds");
        }
        long minutes = (s + 59) / 60;
        return "about " + minutes + " minutes";
    }

    public static String rateLimited(int perMinute, long retryAfterSeconds) {
        return "This API key has made its " + perMinute + " requests for this minute: try again in " + about(retryAfterSeconds)
                + ", or ask an admin for a key with a higher limit.";
    }
}
