package dev.loopwise.common.http;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.HttpMessages;
import dev.loopwise.common.PagingMessages;
import dev.loopwise.common.text.WholeNumbers;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * How every listing reads its page request and says where the next page starts, so that a bad {@code limit},
 * {@code offset} or {@code before} gets the same {@code 400 invalid_paging} and sentence on every endpoint.
 *
 * <p>Listings go newest first by id, and the next page is asked for with {@code before=<last id shown>}: PostgreSQL
 * then walks the primary key from that id and reads only the rows it returns, whereas an offset makes it read and skip
 * every earlier row, so a deep page costs as much as the whole history before it. The cursor is the plain id rather
 * than an opaque token: it is what the rows already show, a client can build or check it, and an id never changes, so
 * rows that arrive between two requests never shift a page (they are newer than any cursor). {@code offset} stays for
 * clients that used it; both cannot be given at once.
 */
public final class Paging {
    public static final String CODE = "invalid_paging";
    /** The parameter that continues below a previous page, on every listing. */
    public static final String BEFORE = "before";

    private Paging() {
    }

    /** A page request: {@code limit} rows after skipping {@code offset}, below the id {@code before} (null: from the newest). */
    public record Request(int limit, long offset, Long before) {
        /** The rows to fetch: one more than shown, so that a page knows whether another follows without counting. */
        public int fetch() {
            return limit + 1;
        }

        /** Past anything a query's offset (an int) can say, and so past the end of any table. */
        public boolean pastTheEnd() {
            return offset > Integer.MAX_VALUE - fetch(); // not offset + fetch(), which a huge offset would overflow
        }
    }

    /**
     * Reads a listing's parameters as sent (text, so that "abc" gets this sentence too, not a generic one).
     * {@code offsetCountsPages}: the offset parameter is a page number (of {@code limit} rows each), not a row count.
     */
    public static Request read(String limitName, String rawLimit, int defaultLimit, int max, String offsetName, String rawOffset,
                               boolean offsetCountsPages, String rawBefore) {
        int limit = limit(limitName, rawLimit, defaultLimit, max);
        long offset = rawOffset == null ? 0 : whole(rawOffset);
        if (offset < 0 && WholeNumbers.isPlain(rawOffset)) {
            throw refused(PagingMessages.offsetTooLarge(offsetName, rawOffset));
        }
        if (offset < 0) {
            throw refused(PagingMessages.offset(offsetName, rawOffset));
        }
        Long before = before(BEFORE, rawBefore);
        if (rawOffset != null && before != null) {
            throw refused(PagingMessages.notBoth(offsetName, BEFORE));
        }
        return new Request(limit, offsetCountsPages ? Math.multiplyExact(Math.min(offset, Integer.MAX_VALUE), (long) limit) : offset,
                before);
    }

    /** A page size as sent in the address, {@code defaultLimit} when none was. */
    public static int limit(String name, String raw, int defaultLimit, int max) {
        return raw == null ? defaultLimit : limit(name, whole(raw), raw, max);
    }

    /** A limit already read (from a JSON body): the same rule and sentence as in an address. */
    public static int limit(String name, long value, String sent, int max) {
        if (value < 1 || value > max) {
            throw refused(PagingMessages.limit(name, sent, max));
        }
        return (int) value;
    }

    /** A cursor as sent, or null when none was. */
    public static Long before(String name, String raw) {
        return cursor(raw, PagingMessages.before(name, String.valueOf(raw)));
    }

    /**
     * The cursor of a listing read oldest first (the audit export), continuing after the id a previous page ended with: the
     * same rule and sentence as {@code before}.
     */
    public static Long following(String name, String raw) {
        return before(name, raw);
    }

    /** The cursor of a page's link to the newer page before it (the admin's Tickets page), or null when none was sent. */
    public static Long after(String name, String raw) {
        return cursor(raw, PagingMessages.after(name, String.valueOf(raw)));
    }

    /** A listing paged both ways (the admin's Tickets page) goes one way at a time: both cursors at once are refused. */
    public static void oneWay(String beforeName, Long before, String afterName, Long after) {
        if (before != null && after != null) {
            throw refused(PagingMessages.beforeOrAfter(beforeName, afterName));
        }
    }

    private static Long cursor(String raw, String refusal) {
        if (raw == null) {
            return null;
        }
        if (!raw.startsWith("-") && !WholeNumbers.isPlain(raw) && WholeNumbers.isWhole(raw.strip())) {
            throw refused(HttpMessages.notPlainNumber(raw)); // an id, refused in the words every id is
        }
        long id = whole(raw);
        if (id < 1) {
            throw refused(refusal);
        }
        return id;
    }

    /**
     * The page shown from rows fetched by {@link Request#fetch()}, with a {@code Link: <...>; rel="next"} header (RFC 8288)
     * when more rows follow. The body stays the plain array it always was, so that clients reading it keep working; the
     * link is relative to this request, carries its other parameters, and gives {@code before} instead of any offset.
     */
    public static <T, V> RestResponse<List<V>> respond(List<T> fetched, Request request, ToLongFunction<T> id, Function<T, V> view,
                                                       UriInfo uri, String... offsetNames) {
        List<T> shown = fetched.size() > request.limit() ? fetched.subList(0, request.limit()) : fetched;
        RestResponse.ResponseBuilder<List<V>> response = RestResponse.ResponseBuilder.ok(shown.stream().map(view).toList());
        if (fetched.size() > request.limit()) {
            UriBuilder next = UriBuilder.fromUri(uri.getRequestUri());
            for (String name : offsetNames) {
                next.replaceQueryParam(name);
            }
            response.header("Link", link(next, BEFORE, id.applyAsLong(shown.get(shown.size() - 1))));
        }
        return response.build();
    }

    /** The {@code Link} header to the next page: this request's address, its other parameters kept, with the cursor {@code name}. */
    public static String nextLink(UriInfo uri, String name, long id) {
        return link(UriBuilder.fromUri(uri.getRequestUri()), name, id);
    }

    private static String link(UriBuilder next, String name, long id) {
        URI built = next.replaceQueryParam(name, id).build();
        return "<" + built.getRawPath() + "?" + built.getRawQuery() + ">; rel=\"next\"";
    }

    /**
     * A whole number as typed, plain ({@link WholeNumbers#isPlain}) but for a minus the rules name; anything else (a word, a
     * decimal, "+5", "05", " 5", a number past the largest long) reads as one every rule refuses. The largest long itself
     * is taken: a client starting "from the newest" with it as its cursor is right.
     */
    private static long whole(String typed) {
        String digits = typed.startsWith("-") ? typed.substring(1) : typed;
        if (!WholeNumbers.isPlain(digits)) {
            return Long.MIN_VALUE;
        }
        try {
            return Long.parseLong(typed);
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    private static ApiException refused(String message) {
        return ApiException.badRequest(CODE, message);
    }
}
