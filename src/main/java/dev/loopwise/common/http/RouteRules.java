package dev.loopwise.common.http;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * What a resource method states about its callers and its bodies, read from its annotations (the method's own, else its
 * class's), and whether a request fits one of an address's methods: {@link RolesFirst} answers who may call before the
 * HTTP layer would name the methods or types an address takes.
 */
final class RouteRules {
    private RouteRules() {
    }

    /** The roles a method needs: null when anyone may call it, empty when anyone signed in may. */
    static Set<String> roles(Method method) {
        Class<?> type = method.getDeclaringClass();
        if (method.isAnnotationPresent(PermitAll.class)) {
            return null;
        }
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null && !method.isAnnotationPresent(Authenticated.class)) {
            if (type.isAnnotationPresent(PermitAll.class)) {
                return null;
            }
            roles = type.getAnnotation(RolesAllowed.class);
        }
        if (roles != null) {
            return new LinkedHashSet<>(Arrays.asList(roles.value()));
        }
        return method.isAnnotationPresent(Authenticated.class) || type.isAnnotationPresent(Authenticated.class) ? Set.of() : null;
    }

    /** The roles the refused endpoint states (method first, then its class), so that a 403 can say who may do it. */
    static String[] required(SimpleResourceInfo resource, String path) {
        // Metrics and the API document are no resource's: ManagementPolicy lets admins alone read them.
        if ((resource == null || resource.getResourceClass() == null) && path.startsWith("/q/") && !path.startsWith("/q/health")) {
            return new String[] {"admin"};
        }
        return required(resource);
    }

    static String[] required(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return new String[0];
        }
        try {
            Set<String> roles = roles(resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes()));
            return roles == null ? new String[0] : roles.toArray(String[]::new);
        } catch (NoSuchMethodException | SecurityException e) {
            return new String[0];
        }
    }

    static List<String> consumes(Method method) {
        Consumes own = method.getAnnotation(Consumes.class);
        Consumes declared = own != null ? own : method.getDeclaringClass().getAnnotation(Consumes.class);
        return declared == null ? List.of() : List.of(declared.value());
    }

    static List<String> produces(Method method) {
        Produces own = method.getAnnotation(Produces.class);
        Produces declared = own != null ? own : method.getDeclaringClass().getAnnotation(Produces.class);
        return declared == null ? List.of() : List.of(declared.value());
    }

    /** Whether one of the routes takes this verb, the body's type and answers in a type the caller accepts. */
    static boolean takes(List<AllowedMethods.Route> routes, String verb, String contentType, String accept) {
        for (AllowedMethods.Route route : routes) {
            if (sameVerb(route, verb) && (contentType == null || contentType.isBlank() || fits(route.consumes(), contentType))
                    && (accept == null || accept.isBlank() || acceptsAny(accept, route.produces()))) {
                return true;
            }
        }
        return false;
    }

    /** Browsers send fewer than ten; each part costs a parse on the event loop, so a header of junk is read this far only. */
    static final int ACCEPT_PARTS_READ = 32;

    /**
     * The parts of an Accept header worth parsing: among the first {@value #ACCEPT_PARTS_READ}, those with a slash. A part
     * without one names no type, and parsing it throws, which thousands of junk parts in one header made cost a
     * hundred milliseconds of the event loop.
     */
    static List<String> acceptParts(String accept) {
        return Arrays.stream(accept.split(",", ACCEPT_PARTS_READ + 1)).limit(ACCEPT_PARTS_READ).map(String::strip)
                .filter(part -> part.indexOf('/') > 0).toList();
    }

    /** The routes of those given that take this verb. */
    static List<AllowedMethods.Route> forVerb(List<AllowedMethods.Route> routes, String verb) {
        return routes.stream().filter(route -> sameVerb(route, verb)).toList();
    }

    private static boolean sameVerb(AllowedMethods.Route route, String verb) {
        return route.method().equals(verb) || route.head() && verb.equals(HttpMethod.HEAD);
    }

    private static boolean fits(List<String> consumes, String contentType) {
        if (consumes.isEmpty()) {
            return true;
        }
        try {
            MediaType sent = MediaType.valueOf(contentType.strip());
            return consumes.stream().flatMap(c -> Arrays.stream(c.split(","))).anyMatch(c -> MediaType.valueOf(c.strip()).isCompatible(sent));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A type the caller does not take: given a weight of zero ({@code q=0}, or {@code q=0.000} as HTTP also writes it). */
    private static boolean excluded(MediaType wanted) {
        String weight = wanted.getParameters().entrySet().stream().filter(p -> p.getKey().equalsIgnoreCase("q"))
                .map(p -> p.getValue().strip()).findFirst().orElse(null);
        return weight != null && weight.matches("0(\\.0{0,3})?");
    }

    static boolean acceptsAny(String accept, List<String> produces) {
        if (produces.isEmpty()) {
            return true;
        }
        for (String part : acceptParts(accept)) {
            try {
                MediaType wanted = MediaType.valueOf(part.strip());
                if (!excluded(wanted) && produces.stream().flatMap(p -> Arrays.stream(p.split(",")))
                        .anyMatch(p -> MediaType.valueOf(p.strip()).isCompatible(wanted))) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // A part that is not a media type accepts nothing; the others may.
            }
        }
        return false;
    }
}
