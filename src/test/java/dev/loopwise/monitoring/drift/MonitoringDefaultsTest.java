package dev.loopwise.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.smallrye.config.WithDefault;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import org.junit.jupiter.api.Test;

/**
 * {@code bench-drift} measures the detector as the service runs it when nothing is configured: its settings are the
 * {@code @WithDefault}s of the monitoring settings, one by one, and nothing from the environment changes them.
 */
class MonitoringDefaultsTest {

    @Test
    void everyDetectorSettingIsTheServicesDefault() throws Exception {
        DriftSettings defaults = MonitoringConfig.defaults();
        for (RecordComponent component : DriftSettings.class.getRecordComponents()) {
            if (component.getName().equals("seed")) {
                continue; // not a setting: fixed, so that a check can be repeated
            }
            Method setting = MonitoringConfig.class.getMethod(component.getName());
            WithDefault declared = setting.getAnnotation(WithDefault.class);
            assertNotNull(declared, component.getName() + " has no default");
            Object value = component.getAccessor().invoke(defaults);
            Object expected = component.getType() == int.class ? (Object) Integer.parseInt(declared.value()) : Double.parseDouble(declared.value());
            assertEquals(expected, value, component.getName());
        }
    }

    @Test
    void theEnvironmentDoesNotChangeTheDefaults() throws Exception {
        int window = Integer.parseInt(MonitoringConfig.class.getMethod("window").getAnnotation(WithDefault.class).value());
        System.setProperty("loopwise.monitoring.window", String.valueOf(window + 7));
        try {
            assertEquals(window, MonitoringConfig.defaults().window());
        } finally {
            System.clearProperty("loopwise.monitoring.window");
        }
    }
}
