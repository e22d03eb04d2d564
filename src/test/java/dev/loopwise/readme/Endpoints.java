package dev.loopwise.readme;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The endpoints of the JAX-RS resources, read from their annotations: the verb, the class's and the method's
 * {@code @Path} joined, and the roles that may call it as the security annotations state them, the method's over its
 * class's.
 */
final class Endpoints {
    /** Anyone, signed in or not ({@code @PermitAll}). */
    static final Set<String> ANYONE = Set.of("anyone");
    /** Every role ({@code @Authenticated}): anyone signed in. */
    static final Set<String> SIGNED_IN = Set.of("admin", "reviewer", "service");

    /** One endpoint; {@code template} has its path parameters as {@code {}}, since only their places matter. */
    record Endpoint(String verb, String template, Set<String> roles, String declaredIn) {
        String key() {
            return verb + " " + template;
        }
    }

    private Endpoints() {
    }

    /** The endpoints whose address starts with one of these prefixes, e.g. {@code /api/v1/}. */
    static List<Endpoint> under(List<String> prefixes) throws Exception {
        List<Endpoint> found = new ArrayList<>();
        for (Class<?> type : CompiledClasses.all()) {
            Path root = type.getAnnotation(Path.class);
            if (root == null || type.isInterface()) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = template(root.value() + "/" + (sub == null ? "" : sub.value()));
                if (prefixes.stream().anyMatch(p -> (path + "/").startsWith(p))) {
                    found.add(new Endpoint(verb, path, roles(method), type.getSimpleName() + "." + method.getName()));
                }
            }
        }
        return found;
    }

    /** A path with its parameters as {@code {}} and single slashes, without a trailing one. */
    static String template(String path) {
        String joined = ("/" + path).replaceAll("\\{[^}]*}", "{}").replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static String verb(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** As Quarkus applies them: a method's own annotation wins, else its class's. */
    private static Set<String> roles(Method method) {
        Set<String> own = stated(method.getAnnotation(PermitAll.class), method.getAnnotation(RolesAllowed.class),
                method.getAnnotation(Authenticated.class));
        if (own != null) {
            return own;
        }
        Class<?> type = method.getDeclaringClass();
        Set<String> inherited = stated(type.getAnnotation(PermitAll.class), type.getAnnotation(RolesAllowed.class),
                type.getAnnotation(Authenticated.class));
        // application.properties denies endpoints without a role annotation.
        return inherited != null ? inherited : Set.of();
    }

    private static Set<String> stated(PermitAll permitAll, RolesAllowed rolesAllowed, Authenticated authenticated) {
        if (permitAll != null) {
            return ANYONE;
        }
        if (rolesAllowed != null) {
            return new TreeSet<>(List.of(rolesAllowed.value()));
        }
        return authenticated != null ? SIGNED_IN : null;
    }
}
