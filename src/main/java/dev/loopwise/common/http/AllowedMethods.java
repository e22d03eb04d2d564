package dev.loopwise.common.http;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The methods an address takes, for the {@code Allow} header a 405 must carry (RFC 9110, 15.5.6): RESTEasy Reactive
 * refuses the method without naming the others, so the resources' own annotations are read once, on the first 405.
 */
final class AllowedMethods {
    /**
     * One resource method: its address, its verb, how many literal characters its template has (JAX-RS prefers the
     * most literal match), the roles it states (null: open to anyone; empty: anyone signed in), its media types, and
     * whether it answers HEAD as well (a GET does, unless it changes what is stored: {@link ChangesOnGet}).
     */
    record Route(Pattern path, String method, int literal, Set<String> roles, List<String> consumes, List<String> produces,
                 boolean head) {
    }

    private static volatile List<Route> routes;

    private AllowedMethods() {
    }

    /**
     * "GET, HEAD, POST" for an address with those resource methods; null when none matches. Only the most literal ones
     * count, as in JAX-RS: /api/v1/models/train takes POST alone, though /api/v1/models/{version} would match it too.
     */
    static String of(String path) {
        Set<String> methods = new TreeSet<>();
        for (Route route : matching(path)) {
            methods.add(route.method());
            if (route.head()) {
                methods.add(HttpMethod.HEAD);
            }
        }
        return methods.isEmpty() ? null : String.join(", ", methods);
    }

    /** The methods named in an Allow list but OPTIONS, "GET, HEAD": what a 405's sentence tells to use; null when none is left. */
    static String withoutOptions(String allowed) {
        if (allowed == null) {
            return null;
        }
        List<String> methods = Stream.of(allowed.split(",")).map(String::strip)
                .filter(method -> !method.isEmpty() && !method.equals(HttpMethod.OPTIONS)).toList();
        return methods.isEmpty() ? null : String.join(", ", methods);
    }

    /** The Allow header of an address taking {@code methods}: OPTIONS as well, which every address answers, so a 405 and an OPTIONS agree. */
    static String header(String methods) {
        String named = withoutOptions(methods);
        return named == null ? HttpMethod.OPTIONS : named + ", " + HttpMethod.OPTIONS;
    }

    /**
     * What the address takes when that is not {@code method}, else null: "POST" for a GET of /api/v1/models/train, which
     * RESTEasy hands to /api/v1/models/{version} as the id "train" instead of refusing the method.
     */
    static String ofNamedAddress(String path, String method) {
        String allowed = of(path);
        String asked = method.equals(HttpMethod.HEAD) ? HttpMethod.GET : method;
        return allowed == null || List.of(allowed.split(", ")).contains(asked) ? null : allowed;
    }

    /** The resource methods JAX-RS would choose among for this address, whatever the verb: the most literal ones. */
    static List<Route> matching(String path) {
        List<Route> found = new ArrayList<>();
        int best = -1;
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) {
                if (route.literal() > best) {
                    found.clear();
                    best = route.literal();
                }
                if (route.literal() == best) {
                    found.add(route);
                }
            }
        }
        return found;
    }

    private static List<Route> routes() {
        List<Route> known = routes;
        if (known == null) {
            known = new ArrayList<>();
            for (var bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Path root = bean.getBeanClass().getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : bean.getBeanClass().getMethods()) {
                    String verb = verb(method);
                    if (verb != null) {
                        Path sub = method.getAnnotation(Path.class);
                        String path = join(root.value(), sub == null ? "" : sub.value());
                        known.add(new Route(template(path), verb, path.replaceAll("\\{[^}]*}", "").length(),
                                RouteRules.roles(method), RouteRules.consumes(method), RouteRules.produces(method),
                                verb.equals(HttpMethod.GET) && !method.isAnnotationPresent(ChangesOnGet.class)));
                    }
                }
            }
            routes = known;
        }
        return known;
    }

    private static String verb(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** A JAX-RS template as a pattern: each {name} or {name: regex} stands for one segment. */
    private static Pattern template(String path) {
        StringBuilder out = new StringBuilder();
        for (String part : path.split("\\{[^}]*}", -1)) {
            if (!out.isEmpty()) {
                out.append("[^/]+");
            }
            out.append(Pattern.quote(part));
        }
        return Pattern.compile(out + "/?");
    }
}
