package dev.loopwise.security;

import dev.loopwise.common.HttpMessages;
import dev.loopwise.common.config.ServerConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Behind a reverse proxy ({@code LOOPWISE_BEHIND_PROXY=true}) the client's address and scheme come from the proxy's
 * X-Forwarded-For and X-Forwarded-Proto: the sign-in throttle counts per client, and the links and cookies Loopwise
 * makes say https when the proxy was reached over TLS. Quarkus believes those headers from every peer unless trusted
 * proxies are named, so an instance with forwarding on and none named refuses to start: a client reaching it directly
 * could otherwise pick its own address for every guess at a password.
 */
@ApplicationScoped
public class ProxyTrust {
    /**
     * Before anything else starts (the demo's first training, jobs), so a refused start leaves nothing half begun. The
     * server's settings are named here so that Quarkus registers their mapping, and checks them before the start reads
     * the database or takes the port (a mapping nothing injects is never checked).
     */
    void requireTrustedProxies(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, ServerConfig checked,
                               @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false")
                               boolean forwarding,
                               @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> trusted,
                               @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true") boolean http) {
        if (http) { // commands that answer no requests read no headers
            check(forwarding, trusted);
        }
    }

    /** Refuses forwarding that would trust any peer. */
    static void check(boolean forwarding, Optional<List<String>> trusted) {
        if (forwarding && trusted.filter(list -> list.stream().anyMatch(proxy -> !proxy.isBlank())).isEmpty()) {
            throw new IllegalStateException(HttpMessages.TRUSTED_PROXIES_REQUIRED);
        }
    }
}
