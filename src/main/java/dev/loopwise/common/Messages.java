package dev.loopwise.common;

import dev.loopwise.common.text.PlainText;
import java.util.List;
import java.util.Locale;

/** Every sentence Loopwise says to a user about something that went wrong, in one place. */
public final class Messages {

    private Messages() {
    }

    public static final String UNAUTHENTICATED =
            "Authentication required: send an API key as 'Authorization: Bearer <key>'.";
    public static final String BAD_API_KEY =
            "The API key is not valid: it may have been revoked or mistyped, or its account is disabled. Create a new one on your account page (a helpdesk's key: on Users, under its service account), or ask an admin.";
    public static final String FORBIDDEN = "Your role does not allow this action.";

    /** A refusal that names who may do it: a reviewer sent to an admin's page learns whom to ask. */
    public static String forbidden(String[] roles) {
        if (roles.length == 0) {
            return FORBIDDEN;
        }
        return FORBIDDEN.substring(0, FORBIDDEN.length() - 1) + ": it needs the role " + String.join(" or ", roles)
                + ". An admin can give it on the Users page.";
    }
    public static final String REVIEWER_AND_SERVICE = "One account cannot both judge replies (reviewer) and send the traffic they are"
            + " drawn from (service): create a separate service account for the helpdesk.";
    public static final String NOT_FOUND = "There is nothing at this address.";
    public static final String METHOD_NOT_ALLOWED = "This address does not accept that HTTP method.";

    /** {@code allowed}: the Allow header's list, or null when unknown. */
    public static String methodNotAllowed(String allowed) {
        return allowed == null || allowed.isBlank() ? METHOD_NOT_ALLOWED
                : METHOD_NOT_ALLOWED.substring(0, METHOD_NOT_ALLOWED.length() - 1) + ": use " + allowed.replace(",", ", ").replaceAll(" +", " ") + ".";
    }
    public static final String BODY_REQUIRED = "The request has no body (or null): send a JSON object with Content-Type application/json;"
            + " the API document lists its fields with an example (an admin opens it at /q/swagger-ui).";
    /** Said after the parameter's name by the validation mapper. */
    public static final String EXPECTED_ACTIVE = "must be the active version (a whole number, 1 or more), as the Models"
            + " page sends it; leave it out to switch whatever is active.";
    public static final String DATABASE_UNAVAILABLE = "Loopwise lost its connection to the database for a moment. "
            + "The request changed nothing; try again in a few seconds.";
    /** Every pooled connection stayed taken for the whole wait: the load passes, so asking again shortly can succeed. */
    public static final String DATABASE_BUSY = "Loopwise is busy: every connection to its database is in use. "
            + "The request was not carried out; try again in a few seconds.";
    /**
     * The page a browser gets when every connection stayed taken, whether a page or the check of who is signed in waited:
     * the session is not touched, so nobody is sent to sign in again for a busy moment.
     */
    public static final String BUSY_HEADING = "Loopwise is busy";
    public static final String BUSY_PAGE = "Loopwise is busy, try again in a moment. Every connection to its database is in use;"
            + " nothing was changed, and if you were signed in, you still are. If this page keeps coming back, tell whoever runs Loopwise.";
    public static final String DATABASE_CONTENTION = "Loopwise is busy: other work on the same data held this request up, so it"
            + " was undone. Try again in a few seconds.";
    /** A change is saved whole or not at all, but the error may come after it was saved (while the answer was written). */
    public static final String INTERNAL = "Something went wrong on our side (reference %s). A change is saved whole or not at all:"
            + " look whether this one was made before you try again, and report the reference if it happens again.";
    public static final String SESSION_EXPIRED = "Your session expired. Please log in again.";
    public static final String SIGN_IN_OR_KEY =
            "Sign in at /login in a browser, or send an API key as 'Authorization: Bearer <key>' (create one on your account page).";
    public static final String LOGIN_FAILED = "Wrong username or password.";
    public static final String LOGGED_OUT = "You are logged out.";
    public static final String FORM_EXPIRED = "This form's security token is missing or out of date (the page was open too long,"
            + " you signed in again, or the form did not come from a Loopwise page), so nothing was saved. Reload the page and"
            + " submit the form again.";
    public static final String FORM_FIELD_TOO_LARGE = "A field of this form is longer than 64 KB. Shorten the text (a reply, a"
            + " description or a note) and send it again; nothing was saved.";

    /** A form post to the API: what the address takes instead. */
    public static String apiTakesNoForms(String path) {
        return "The API does not take form data: send " + bodyTypesFor(path) + ", or no body at all.";
    }

    /** A body sent to an API address that reads none: carrying the request out would drop what the caller asked for. */
    public static final String API_TAKES_NO_BODY = "This address takes no request body, so what was sent would change nothing:"
            + " send the request without a body. What it does read goes in the address (such as ?expectedActive=3 on a"
            + " promotion, or ?force=false on a drift check), as the API document lists for each address.";

    /** A form body the server could not even parse. */
    public static String malformedForm(String path) {
        if (path.startsWith("/api/") || path.startsWith("/v1/")) {
            return "The body could not be read as form data (a '%' not followed by two hexadecimal digits, or a multipart body"
                    + " cut short). " + apiTakesNoForms(path);
        }
        return "The form's data could not be read (a '%' not followed by two hexadecimal digits, or an upload cut short). Nothing"
                + " was saved: reload the page and submit it again.";
    }
    public static final String NOT_ACCEPTABLE = "This address cannot answer in the format the Accept header asks for: accept "
            + "application/json from the API (application/x-ndjson or application/jsonl for the preference and audit exports,"
            + " text/event-stream for streamed chat completions), text/html for pages, or */* for whatever the address gives.";
    public static final String SIGN_IN_FORM_ONLY = "Sign in with the sign-in form (j_username and j_password, sent as "
            + "application/x-www-form-urlencoded); programs use an API key instead.";
    public static final String CROSS_ORIGIN = "This change was not sent from a Loopwise page, so it was refused and nothing changed. "
            + "Use the form on the page; scripts call the API with an API key instead.";
    public static final String TOKEN_MISSING = "This change carries no security token, so it was refused and nothing changed. A Loopwise"
            + " page sends its token with every change (the csrf-token field of a form, the X-CSRF-TOKEN header of a script):"
            + " reload the page and try again. Scripts call the API with an API key instead.";

    /** Answered as plain text or in the {code, error} shape built by hand: no quote or backslash. */
    public static final String DEMO_THIS_MACHINE_ONLY = "The demo answers only addresses of this machine, such as localhost or "
            + "127.0.0.1, since its passwords are public. Open it at localhost, or start it with QUARKUS_HTTP_HOST=0.0.0.0 to "
            + "show it to others, after changing its passwords.";

    /** {@code retryAfterSeconds}: what {@code Retry-After} says, the time left until a sign-in is taken again. */
    public static String loginLocked(long retryAfterSeconds) {
        return "Too many failed sign-ins: try again in " + HttpMessages.about(retryAfterSeconds) + ", or ask an admin to set a new password.";
    }

    public static String wrongJsonType(String field, String expected) {
        return (field == null ? "The request body" : "The field '" + field + "'") + " has the wrong type: send " + expected + ".";
    }

    public static String unknownJsonField(String field, List<String> known) {
        return "The field '" + field + "' is not one this request takes"
                + (known.isEmpty() ? "" : ": send only " + String.join(", ", known)) + " (check its spelling).";
    }

    /** Where in the body ({@code line} and {@code column} from 1; -1 when not known) and what is wrong there. */
    public static String malformedJson(String detail, int line, int column) {
        String where = line < 1 ? "" : column < 1 ? ", on line " + line : ", at line " + line + ", column " + column;
        return "The request body is not valid JSON (" + detail + where + "). Send a JSON object.";
    }

    public static String demoRefusesDatabase(List<String> accounts) {
        return "This database holds accounts the demo did not create (" + String.join(", ", accounts) + "). The demo adds "
                + "accounts with published passwords, so it will not run here: start with './loopwise serve', or give the "
                + "demo a database of its own (LOOPWISE_DB_URL).";
    }

    public static String demoReachable(String host, List<String> accounts) {
        return "The demo listens on " + host + ", beyond this machine, and " + String.join(", ", accounts)
                + (accounts.size() == 1 ? " still has its" : " still have their") + " published password: anyone who can reach"
                + " this address can sign in with it. Set new passwords on Users (as admin), or start the demo without"
                + " QUARKUS_HTTP_HOST so that it answers this machine only (with Docker: LOOPWISE_LISTEN=127.0.0.1:8080).";
    }

    public static final String SESSION_KEY_REQUIRED = "Set LOOPWISE_SESSION_KEY to a random string of at least 32 characters "
            + "(for example: openssl rand -base64 32) and start again. Sessions are signed with it; without it they could "
            + "not be trusted across instances or restarts. Started with './loopwise' and the setting left unset, one is made for "
            + "you and kept in .loopwise/session-key.";

    public static String loneSurrogateInText(String field) {
        return "The field '" + (field == null ? "text" : field) + "' contains half of a UTF-16 surrogate pair (such as \\ud800 "
                + "alone), which is not a character. Send the text as valid Unicode.";
    }

    /** A value the database refused as data (SQL state class 22), in words; nothing of the request was stored. */
    public static String unstorableValue(String sqlState) {
        return switch (sqlState) {
            case "22021", "22P05" -> "A text you sent contains a NUL character (\\u0000) or bytes that are not UTF-8, which "
                    + "Loopwise cannot store. Remove control characters and send it again; nothing was saved.";
            case "22001" -> "A value you sent is longer than its field allows. Shorten it and send it again; nothing was saved.";
            case "22003" -> "A number you sent is out of range. Send a smaller one; nothing was saved.";
            default -> "A value you sent cannot be stored (" + sqlState + "). Check the values and send them again; nothing was saved.";
        };
    }

    public static String nulInText(String field) {
        return "The field '" + (field == null ? "text" : field) + "' contains a NUL character (\\u0000), which Loopwise cannot store. "
                + "Remove control characters from the text and send it again.";
    }

    /** What an endpoint takes as its body, for a 415 that helps: most API calls JSON, the file imports their formats. */
    public static String bodyTypesFor(String path) {
        return bodyTypesFor(path, null);
    }

    /**
     * As {@link #bodyTypesFor(String)}, for a caller who sent {@code sent}: "not a multipart upload" helps only one who
     * attached the file to a form, and reads as nonsense to one who sent, say, text/markdown.
     */
    public static String bodyTypesFor(String path, String sent) {
        String notForm = sent != null && sent.toLowerCase(Locale.ROOT).startsWith("multipart/")
                ? ", not attached to a form (multipart)" : "";
        // A replay is a ticket file, read as the import reads it.
        if (path.equals("/api/v1/datasets/tickets") || path.equals("/api/v1/drift/replay")) {
            return "the file itself: Content-Type text/csv, or application/x-ndjson for JSON lines" + notForm;
        }
        if (path.equals("/api/v1/datasets/preferences")) {
            // A table of pairs is read, but by a command: a caller sending one as CSV is told where it goes, not only "not CSV".
            // Older clients label a .csv file text/x-csv or text/comma-separated-values; browsers on Windows label it
            // application/vnd.ms-excel, which is also a real .xls, so a workbook is told to become CSV first.
            String type = sent == null ? "" : sent.toLowerCase(Locale.ROOT).strip();
            boolean table = type.matches("((text|application)/(x-)?csv|text/comma-separated-values|(text|application)/tab-separated-values)"
                    + "\\s*(;.*)?$");
            boolean workbook = type.matches("application/vnd\\.(ms-excel(\\.sheet\\.(macro|binary\\.macro)enabled\\.12)?"
                    + "|openxmlformats-officedocument\\.spreadsheetml\\.sheet)\\s*(;.*)?$");
            return "the file itself: Content-Type application/x-ndjson, one pair per line, or application/json with one array of rows"
                    + notForm + (table ? ". This import reads JSON only; a CSV or TSV table of pairs is read by the command"
                    + " eval-reward (./loopwise eval-reward --train FILE --test FILE)" : "")
                    + (workbook ? ". This import reads JSON only; a CSV file of pairs is read by the command eval-reward"
                    + " (./loopwise eval-reward --train FILE --test FILE), and a workbook must be saved as CSV first" : "");
        }
        if (path.equals("/api/v1/knowledge/articles")) {
            return "the file itself: Content-Type text/markdown, text/html or application/x-ndjson, with ?name=FILE" + notForm;
        }
        if (path.equals("/admin/import") || path.equals("/admin/drift/replay") || path.startsWith("/admin/knowledge")) {
            return "a form with the file attached (multipart/form-data)";
        }
        boolean json = path.startsWith("/api/") || path.startsWith("/v1/") || path.startsWith("/review/items/");
        return json ? "application/json" : "a form (application/x-www-form-urlencoded)";
    }

    public static String notOneOf(String field, String value, String... options) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return "'" + field + "' cannot be '" + shown + "': use '" + String.join("' or '", options) + "'.";
    }

    /** Names what the caller sent, so that a wrong type is seen at once, and what to send instead. */
    public static String unsupportedMediaType(String sent, String expected) {
        if (sent == null || sent.isBlank()) {
            return "The body came with no Content-Type, so Loopwise cannot tell how to read it. Send it as " + expected + ".";
        }
        // The media type alone: a boundary or charset says nothing about why the type is refused.
        String type = sent.split(";", 2)[0].strip();
        String shown = type.length() > 60 ? type.substring(0, 60) + "…" : type;
        return "The body was sent as " + shown + ", which this address does not read. Send it as " + expected + ".";
    }

    public static String notFound(String what, Object id) {
        return "No " + what + " " + id + ".";
    }

    public static String nullText(String field) {
        String name = field == null ? "text" : PlainText.quoted(field);
        return "'" + name + "' is null: it must be a string, the text in double quotes, such as {\"" + name + "\": \"Where is my parcel?\"}.";
    }

    public static final String REVIEW_ITEMS_FAILED = "Loopwise could not make new review items because of an error on its side "
            + "(it is in the server log). Nothing was saved; try again in a moment.";

    public static String numberOutOfRange(String field, String range) {
        // The bounds are the reader's, not the field's (a rating is 1–5): say so rather than offering two billion as valid.
        return (field == null ? "A number" : "'" + field + "'") + " is far out of range (it must at least be " + range
                + "): send a value this field allows.";
    }

    public static final String BODY_NOT_UTF8_OR_STRAY_CHARACTER = "The body is not valid JSON: it holds a character outside double quotes"
            + " that JSON does not take (a typographic quote such as “ or ”, a non-breaking space), or bytes that are not UTF-8."
            + " Write keys and text in plain double quotes (\") and send the JSON encoded as UTF-8.";
    public static final String BODY_NOT_UTF8 = "The body is not UTF-8: send the JSON encoded as UTF-8 (the only encoding JSON allows).";
}
