package dev.loopwise.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link OperationsMethods} tells the health, metrics and API-document addresses by the names SmallRye gives them by
 * default: moving one in application.properties would leave the new address answering every method, and the old one
 * refusing them. This fails first, naming the setting.
 */
class OperationsPathsTest {
    /** Each setting that moves an address OperationsMethods knows, with the values that leave it where it is. */
    private static final Map<String, Set<String>> KEPT = Map.of(
            "quarkus.http.root-path", Set.of("/"),
            "quarkus.http.non-application-root-path", Set.of("q", "/q"),
            "quarkus.smallrye-health.root-path", Set.of("health", "/q/health"),
            "quarkus.smallrye-health.liveness-path", Set.of("live"),
            "quarkus.smallrye-health.readiness-path", Set.of("ready"),
            "quarkus.smallrye-health.startup-path", Set.of("started"),
            "quarkus.smallrye-health.wellness-path", Set.of("well"),
            "quarkus.smallrye-health.group-path", Set.of("group"),
            "quarkus.smallrye-openapi.path", Set.of("openapi", "/q/openapi"),
            "quarkus.micrometer.export.prometheus.path", Set.of("metrics", "/q/metrics"));

    @Test
    void theOperationsAddressesAreWhereOperationsMethodsLooks() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        int checked = 0;
        for (String name : properties.stringPropertyNames()) {
            // A profile's setting (%prod.quarkus...) moves the address in that profile.
            String setting = name.startsWith("%") && name.indexOf('.') > 0 ? name.substring(name.indexOf('.') + 1) : name;
            if (KEPT.containsKey(setting)) {
                checked++;
                String value = properties.getProperty(name).strip();
                assertTrue(KEPT.get(setting).contains(value), name + "=" + value + " moves an address OperationsMethods knows by"
                        + " its default name: teach it the new one");
            }
        }
        // The metrics address is named there, so reading the file is known to work.
        assertTrue(checked >= 1, "application.properties read");
        assertEquals("/q/metrics", properties.getProperty("quarkus.micrometer.export.prometheus.path"));
    }
}
