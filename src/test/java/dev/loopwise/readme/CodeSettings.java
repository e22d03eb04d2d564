package dev.loopwise.readme;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every setting the application reads, by its environment variable: each method of each {@code @ConfigMapping}
 * interface (nested groups included), the {@code ${loopwise.x:default}} expressions of scheduled jobs and of
 * application.properties, and the {@code ${LOOPWISE_X:default}} variables application.properties maps onto Quarkus'
 * own settings (database, HTTP, sessions).
 */
final class CodeSettings {
    /** One setting: its default as written in the code (null: none), its type when known, and where it is declared. */
    record Setting(String variable, String defaultValue, Class<?> type, String declaredIn) {
    }

    private static final Pattern PROPERTY_EXPRESSION = Pattern.compile("\\$\\{(loopwise\\.[a-z0-9.-]+):([^}]*)}");
    private static final Pattern VARIABLE_EXPRESSION = Pattern.compile("\\$\\{(LOOPWISE_[A-Z0-9_]+):([^}]*)}");
    private static final Path PROPERTIES = Path.of("src/main/resources/application.properties");

    private CodeSettings() {
    }

    /** The settings by environment variable. A variable declared twice with two defaults is a mistake the test reports. */
    static Map<String, Collection<Setting>> all() throws Exception {
        Map<String, Collection<Setting>> settings = new TreeMap<>();
        for (Class<?> type : CompiledClasses.all()) {
            ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
            if (mapping != null) {
                mappings(type, mapping.prefix(), settings);
            }
        }
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                expressions(source, PROPERTY_EXPRESSION, settings);
            }
        }
        expressions(PROPERTIES, PROPERTY_EXPRESSION, settings);
        expressions(PROPERTIES, VARIABLE_EXPRESSION, settings);
        return settings;
    }

    /** Quarkus' rule: upper case, and every character that is not a letter or digit becomes '_'. */
    static String variable(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static void mappings(Class<?> type, String prefix, Map<String, Collection<Setting>> settings) {
        for (Method method : type.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0) {
                continue;
            }
            WithName named = method.getAnnotation(WithName.class);
            String property = prefix + "." + (named != null ? named.value() : kebab(method.getName()));
            Class<?> returned = method.getReturnType();
            if (isGroup(returned)) {
                mappings(returned, property, settings);
                continue;
            }
            WithDefault fallback = method.getAnnotation(WithDefault.class);
            add(settings, new Setting(variable(property), fallback == null ? null : fallback.value(), valueType(method),
                    type.getSimpleName() + "." + method.getName() + "()"));
        }
    }

    /** A nested group is an interface of the application's own, not a value such as a list or an optional. */
    private static boolean isGroup(Class<?> type) {
        return type.isInterface() && type.getName().startsWith("dev.loopwise.");
    }

    /** The value's type, looking inside Optional so that an optional duration is compared as a duration. */
    private static Class<?> valueType(Method method) {
        Class<?> returned = method.getReturnType();
        if (returned == Optional.class && method.getGenericReturnType() instanceof ParameterizedType generic
                && generic.getActualTypeArguments()[0] instanceof Class<?> inner) {
            return inner;
        }
        if (returned == OptionalInt.class || returned == OptionalLong.class || returned == OptionalDouble.class) {
            return Number.class;
        }
        return returned;
    }

    /** SmallRye's default naming of a mapping method: maxFailuresPerUser becomes max-failures-per-user. */
    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static void expressions(Path file, Pattern pattern, Map<String, Collection<Setting>> settings) throws IOException {
        Matcher matcher = pattern.matcher(Files.readString(file));
        while (matcher.find()) {
            String value = matcher.group(2);
            add(settings, new Setting(variable(matcher.group(1)), value.isEmpty() ? null : value, null, file.getFileName().toString()));
        }
    }

    private static void add(Map<String, Collection<Setting>> settings, Setting setting) {
        settings.computeIfAbsent(setting.variable(), k -> new ArrayList<>()).add(setting);
    }
}
