package dev.loopwise.cli.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variable an operator set for a property: {@code LOOPWISE_SERVING_MAX_BATCH} for
 * {@code loopwise.serving.max-batch}, and {@code LOOPWISE_PORT} for {@code quarkus.http.port}, which application.properties
 * fills from it. A start refused for a Quarkus property names the variable the operator actually wrote.
 */
public final class SettingVariable {
    // "quarkus.http.port=${LOOPWISE_PORT:8080}": the property takes its value from that variable.
    private static final Pattern FROM_VARIABLE = Pattern.compile("^\\$\\{(LOOPWISE_[A-Z0-9_]+)(:.*)?}$");

    private SettingVariable() {
    }

    /** The variable that sets {@code property} here: the Loopwise one it is read from, unless its own is set and wins. */
    public static String of(String property) {
        return of(property, System.getenv());
    }

    static String of(String property, Map<String, String> environment) {
        String own = property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        if (environment.containsKey(own)) {
            return own;
        }
        return alias(property).orElse(own);
    }

    /** The {@code LOOPWISE_} variable application.properties reads {@code property} from, if any. */
    static Optional<String> alias(String property) {
        Properties defaults = new Properties();
        try (InputStream in = SettingVariable.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                return Optional.empty();
            }
            defaults.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        Matcher from = FROM_VARIABLE.matcher(defaults.getProperty(property, "").strip());
        return from.matches() ? Optional.of(from.group(1)) : Optional.empty();
    }
}
