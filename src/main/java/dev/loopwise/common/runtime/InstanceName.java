package dev.loopwise.common.runtime;

import io.quarkus.runtime.LaunchMode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * This instance as an operator finds it behind a load balancer: its host name and HTTP port (two instances may share a
 * host), the same words its log and its container carry. Quartz's own instance id adds a start time nobody can look up.
 */
public final class InstanceName {
    private static volatile String name;

    private InstanceName() {
    }

    public static String current() {
        String known = name;
        if (known == null) {
            known = host() + ":" + port();
            name = known;
        }
        return known;
    }

    private static String host() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown host";
        }
    }

    private static int port() {
        String property = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        return ConfigProvider.getConfig().getOptionalValue(property, Integer.class).orElse(8080);
    }
}
