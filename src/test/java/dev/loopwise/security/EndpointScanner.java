package dev.loopwise.security;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Lists every REST endpoint the application declares, as "METHOD /path/{param}", with who its annotations let call it.
 */
final class EndpointScanner {
    private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(
            GET.class, "GET", POST.class, "POST", PUT.class, "PUT", DELETE.class, "DELETE", PATCH.class, "PATCH");

    private EndpointScanner() {
    }

    static Set<String> declaredEndpoints(String rootPackage) {
        return declaredCallers(rootPackage).keySet();
    }

    /**
     * Each endpoint with the callers its annotations name, the method's over its class's: the roles of
     * {@code @RolesAllowed}, {@link #ANYONE} for {@code @PermitAll}, {@link #SIGNED_IN} for {@code @Authenticated}, and
     * {@link #UNDECLARED} when neither names anyone.
     */
    static Map<String, Set<String>> declaredCallers(String rootPackage) {
        Map<String, Set<String>> endpoints = new TreeMap<>();
        for (Class<?> type : classes(rootPackage)) {
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                for (var verb : VERBS.entrySet()) {
                    if (method.isAnnotationPresent(verb.getKey())) {
                        Path methodPath = method.getAnnotation(Path.class);
                        Set<String> callers = callers(method);
                        endpoints.put(verb.getValue() + " " + join(classPath.value(), methodPath == null ? "" : methodPath.value()),
                                callers != null ? callers : Objects.requireNonNullElse(callers(type), UNDECLARED));
                    }
                }
            }
        }
        return endpoints;
    }

    static final Set<String> ANYONE = Set.of("@PermitAll");
    static final Set<String> SIGNED_IN = Set.of("@Authenticated");
    static final Set<String> UNDECLARED = Set.of();

    private static Set<String> callers(AnnotatedElement element) {
        RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
        if (roles != null) {
            return Set.of(roles.value());
        }
        if (element.isAnnotationPresent(PermitAll.class)) {
            return ANYONE;
        }
        return element.isAnnotationPresent(Authenticated.class) ? SIGNED_IN : null;
    }

    private static String join(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** The names at the top of the files served as they are (META-INF/resources): directories and single files. */
    static Set<String> staticEntries() {
        try {
            var root = Paths.get(EndpointScanner.class.getClassLoader().getResource("META-INF/resources/favicon.svg").toURI()).getParent();
            try (Stream<java.nio.file.Path> entries = Files.list(root)) {
                return entries.map(entry -> entry.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Class<?>> classes(String rootPackage) {
        try {
            var root = Paths.get(EndpointScanner.class.getClassLoader()
                    .getResource(rootPackage.replace('.', '/') + "/Main.class").toURI()).getParent();
            try (Stream<java.nio.file.Path> files = Files.walk(root)) {
                return files.filter(f -> f.toString().endsWith(".class"))
                        .map(f -> root.relativize(f).toString())
                        .map(name -> rootPackage + "." + name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                        .map(EndpointScanner::load)
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EndpointScanner.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
