package dev.loopwise.security;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Lists every REST endpoint the application declares, as "METHOD /path/{param}". */
final class EndpointScanner {
    private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(
            GET.class, "GET", POST.class, "POST", PUT.class, "PUT", DELETE.class, "DELETE", PATCH.class, "PATCH");

    private EndpointScanner() {
    }

    static Set<String> declaredEndpoints(String rootPackage) {
        Set<String> endpoints = new TreeSet<>();
        for (Class<?> type : classes(rootPackage)) {
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                for (var verb : VERBS.entrySet()) {
                    if (method.isAnnotationPresent(verb.getKey())) {
                        Path methodPath = method.getAnnotation(Path.class);
                        endpoints.add(verb.getValue() + " " + join(classPath.value(), methodPath == null ? "" : methodPath.value()));
                    }
                }
            }
        }
        return endpoints;
    }

    private static String join(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
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
