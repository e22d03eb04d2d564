package dev.loopwise.common.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Objects;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Refuses a HEAD of a GET that changes what is stored ({@link ChangesOnGet}) before the GET runs, with the 405 any method gets. */
public class HeadWithoutEffect {
    @ServerRequestFilter
    public void refuseHead(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (HttpMethod.HEAD.equals(request.getMethod()) && method != null && method.isAnnotationPresent(ChangesOnGet.class)) {
            throw new NotAllowedException(Objects.requireNonNullElse(AllowedMethods.of(request.getUriInfo().getPath()), HttpMethod.GET));
        }
    }
}
