package dev.loopwise.security;

import dev.loopwise.common.Messages;
import dev.loopwise.common.http.HttpLayerErrors;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.net.HostAndPort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo listens on this machine only, its passwords being public; a web page elsewhere could still reach it through
 * the visitor's browser by pointing its own name at 127.0.0.1 (DNS rebinding), and its requests would then pass the
 * origin check, which compares the page's origin with the Host header the same page chose. Such a request names a host
 * that is not this machine's, so the demo answers only requests addressed to a loopback name. Set by {@code Main} when it
 * chose the loopback address itself; a demo told where to listen is not concerned.
 */
@ApplicationScoped
public class DemoHostFilter {
    public static final String PROPERTY = "loopwise.demo-this-machine-only";

    @ConfigProperty(name = PROPERTY, defaultValue = "false")
    boolean thisMachineOnly;

    void register(@Observes Filters filters) {
        if (!thisMachineOnly) {
            return;
        }
        filters.register(context -> {
            HostAndPort authority = context.request().authority();
            if (authority != null && !isLoopbackName(authority.host()) && !isHealthCheck(context.normalizedPath())) {
                HttpLayerErrors.refuse(context, 421, "misdirected_request", Messages.DEMO_THIS_MACHINE_ONLY);
                return;
            }
            context.next();
        }, 1100);
    }

    /**
     * A load balancer's health check names no host (HAProxy's sends none, and behind a proxy the forwarded-header parsing
     * then makes one up), yet it must reach each instance; health tells a page nothing worth rebinding a name for.
     */
    private static boolean isHealthCheck(String path) {
        return path.equals("/q/health") || path.startsWith("/q/health/");
    }

    /** localhost and its subdomains (RFC 6761: browsers never ask DNS for them), 127.0.0.0/8 and ::1, as written in a Host header. */
    public static boolean isLoopbackName(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        return name.equals("localhost") || name.endsWith(".localhost") || name.equals("::1") || name.equals("0:0:0:0:0:0:0:1")
                || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
