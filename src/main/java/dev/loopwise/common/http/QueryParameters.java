package dev.loopwise.common.http;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.PagingMessages;
import dev.loopwise.common.QueryMessages;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * The API refuses a query parameter its address does not read, as it refuses a JSON field it does not read: a client that
 * asks for {@code ?limit=5} where the list takes {@code size}, or {@code ?page=2} where it takes {@code before}, would
 * otherwise get the first page at its default size without a word, and page through the same rows forever. Pages for
 * browsers are left alone (links carry their own notes), and so is the OpenAI-compatible API, whose SDKs may add
 * parameters of their own (Azure's {@code api-version}) that OpenAI itself ignores.
 */
public class QueryParameters {
    private static final Map<Method, Set<String>> READ = new ConcurrentHashMap<>();
    /** Page sizes, offsets and cursors: an empty one ({@code ?limit=}) is refused as a bad one is, with {@code invalid_paging}. */
    private static final Set<String> PAGING = Set.of("limit", "size", "offset", "page", Paging.BEFORE, "after");
    /**
     * Other parameters the framework would read as left out when sent empty ({@code ?since=}, {@code ?username}), so that a client
     * whose variable lost its value got the default page, every entry or its own keys without a word. Those that say
     * themselves what an empty value is ({@code format}, {@code q}, {@code all}, {@code force}) are left to their address,
     * and so are the knowledge import's {@code name} and {@code url}, where empty means none.
     */
    private static final Set<String> EMPTY_IS_NOT_DEFAULT = Set.of("since", "until", "expectedActive", "stride", "username");

    @ServerRequestFilter
    public void onlyThoseRead(ResteasyReactiveContainerRequestContext request, ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        Set<String> given = request.getUriInfo().getQueryParameters().keySet();
        if (given.isEmpty()) {
            return;
        }
        Set<String> read = READ.computeIfAbsent(resource.getResourceMethod(), QueryParameters::readBy);
        for (String name : given) {
            if (!read.contains(name)) {
                throw ApiException.badRequest("unknown_parameter", QueryMessages.unknownParameter(name, read));
            }
        }
        for (String name : given) {
            boolean empty = request.getUriInfo().getQueryParameters().get(name).stream().allMatch(String::isEmpty);
            if (empty && (PAGING.contains(name) || EMPTY_IS_NOT_DEFAULT.contains(name))) {
                throw PAGING.contains(name) ? ApiException.badRequest(Paging.CODE, PagingMessages.empty(name))
                        : ApiException.badRequest("validation_failed", QueryMessages.emptyParameter(name));
            }
        }
    }

    /**
     * A query parameter's value as sent: the framework reads {@code ?format=} as if it were left out, so an empty value
     * would quietly pick the default; here it is the empty text it is, for the resource to refuse. {@code read}: the value
     * the framework gave.
     */
    public static String asSent(UriInfo uri, String name, String read) {
        if (read != null || uri == null) {
            return read;
        }
        List<String> sent = uri.getQueryParameters().get(name);
        return sent == null || sent.isEmpty() ? null : sent.get(0);
    }

    /** The query parameters the resource method declares, in the order a message lists them. */
    private static Set<String> readBy(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            RestQuery rest = parameter.getAnnotation(RestQuery.class);
            if (query != null) {
                names.add(query.value());
            } else if (rest != null) {
                names.add(rest.value().isEmpty() ? parameter.getName() : rest.value());
            }
        }
        return Collections.unmodifiableSet(names);
    }
}
