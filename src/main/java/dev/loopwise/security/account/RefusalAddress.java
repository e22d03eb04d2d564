package dev.loopwise.security.account;

import dev.loopwise.common.http.HttpLayerErrors;
import dev.loopwise.security.SessionStamps;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A refused form answered, as one that worked, with a redirect to its page: the address bar then shows the page, not the
 * form's action, and a reload shows the refusal again instead of sending the form a second time. The address carries the
 * refusal and the values as typed (so the form shows them again), sealed with the session key for the admin who pressed
 * and read only for a while, as other notices ({@link NoticeWindow}): a link made by anyone else cannot have the page
 * refuse, in its own voice, something nobody sent.
 */
public final class RefusalAddress {
    static final String STATUS = "refused";
    static final String CODE = "code";
    static final String FIELD = "field";
    static final String ERROR = "error";
    static final String AT = "at";
    static final String SEAL = "seal";
    /** Another instance's clock may be a little ahead of this one's. */
    private static final Duration CLOCKS_APART = Duration.ofMinutes(1);

    private RefusalAddress() {
    }

    /**
     * What a form was refused with: the answer's status and code, the field refused (null: the form as a whole), the
     * sentence shown (null when the page words it itself, from the code) and the values as typed, by field name.
     */
    public record Refusal(int status, String code, String field, String error, Map<String, String> typed) {
        public String typed(String name) {
            return typed.get(name);
        }
    }

    /**
     * {@code path} with {@code refusal}, sealed for {@code purpose} and the admin {@code user} who pressed {@code now}; empty
     * when the address would be longer than the server takes one ({@link HttpLayerErrors#MAX_ADDRESS}: a form takes far
     * more), since following it would end on that refusal instead of this one. The caller then answers with the page itself.
     */
    public static Optional<URI> of(String path, String purpose, Refusal refusal, String user, Instant now, SessionStamps stamps) {
        Map<String, String> values = values(refusal);
        long at = now.getEpochSecond();
        StringBuilder address = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> value : values.entrySet()) {
            address.append(separator).append(value.getKey()).append('=').append(encode(value.getValue()));
            separator = '&';
        }
        address.append('&').append(AT).append('=').append(at).append('&').append(SEAL).append('=')
                .append(stamps.seal(purpose, sealed(values, user, at)));
        return address.length() > HttpLayerErrors.MAX_ADDRESS ? Optional.empty() : Optional.of(URI.create(address.toString()));
    }

    /**
     * The refusal {@code query} carries for the form whose fields are {@code fields}: empty when it carries none, or one
     * not sealed for {@code purpose} and {@code user}, altered, or from longer ago than a reload or two.
     */
    public static Optional<Refusal> read(MultivaluedMap<String, String> query, String purpose, List<String> fields, String user,
                                         Instant now, SessionStamps stamps) {
        String status = query.getFirst(STATUS);
        String at = query.getFirst(AT);
        if (status == null || !status.matches("[45]\\d\\d") || at == null || !at.matches("\\d{1,12}") || user == null) {
            return Optional.empty();
        }
        Map<String, String> typed = new LinkedHashMap<>();
        fields.forEach(name -> {
            if (query.getFirst(name) != null) {
                typed.put(name, query.getFirst(name));
            }
        });
        Refusal refusal = new Refusal(Integer.parseInt(status), query.getFirst(CODE), query.getFirst(FIELD), query.getFirst(ERROR), typed);
        Instant made = Instant.ofEpochSecond(Long.parseLong(at));
        boolean recent = NoticeWindow.justNow(OffsetDateTime.ofInstant(made, ZoneOffset.UTC)) && made.isBefore(now.plus(CLOCKS_APART));
        return recent && stamps.sealed(purpose, sealed(values(refusal), user, made.getEpochSecond()), query.getFirst(SEAL))
                ? Optional.of(refusal) : Optional.empty();
    }

    /** The parameters, in the order the address holds them; absent ones left out. */
    private static Map<String, String> values(Refusal refusal) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(STATUS, String.valueOf(refusal.status()));
        if (refusal.code() != null) {
            values.put(CODE, refusal.code());
        }
        if (refusal.field() != null) {
            values.put(FIELD, refusal.field());
        }
        if (refusal.error() != null) {
            values.put(ERROR, refusal.error());
        }
        // By name: the page reads them back in its own order.
        new TreeMap<>(refusal.typed()).forEach((name, value) -> {
            if (value != null) {
                values.put(name, value);
            }
        });
        return values;
    }

    /** Each name and value encoded, so no typed value can shift where the next one starts. */
    private static String sealed(Map<String, String> values, String user, long at) {
        StringBuilder text = new StringBuilder(encode(user)).append('&').append(at);
        values.forEach((name, value) -> text.append('&').append(encode(name)).append('=').append(encode(value)));
        return text.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
