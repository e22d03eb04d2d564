package dev.loopwise.model.registry;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The pages print a version as people write it, "v3", so "/admin/models/v3" is the address someone types from what they
 * read: it opens version 3 at its one address instead of refusing how the number is written. Pages only: the API keeps
 * a single address per version, and its refusal says to drop the "v".
 */
public class VersionAsShown {
    /**
     * Up to nine digits, which every version number fits in: a longer one is left to the page's refusal of the value,
     * which says a version is a whole number written with the digits alone.
     */
    private static final Pattern AS_SHOWN = Pattern.compile("/admin/models/[vV]([1-9][0-9]{0,8})");

    @ServerRequestFilter(preMatching = true)
    public Response openTheVersion(ContainerRequestContext request) {
        String method = request.getMethod();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            return null;
        }
        Matcher shown = AS_SHOWN.matcher(request.getUriInfo().getPath());
        if (!shown.matches()) {
            return null;
        }
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        // Permanent: the number is the version's address for good, so a bookmark of the "v" form may go straight there.
        return Response.status(Response.Status.MOVED_PERMANENTLY)
                .location(URI.create("/admin/models/" + shown.group(1) + (query == null ? "" : "?" + query))).build();
    }
}
