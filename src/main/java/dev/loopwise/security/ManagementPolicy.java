package dev.loopwise.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Metrics, the OpenAPI document and Swagger UI (see application.properties) are for admins: an admin's
 * API key (a Prometheus bearer token) or an admin's browser session. They describe the service's inner
 * workings and load, which is nobody else's business. {@code LOOPWISE_SECURITY_MANAGEMENT_OPEN=true}
 * opens them where a private network already guards the port. Roles: admin.
 */
@ApplicationScoped
public class ManagementPolicy implements HttpSecurityPolicy {
    @Inject
    SecurityConfig config;

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
                                            AuthorizationRequestContext context) {
        if (config.managementOpen()) {
            return CheckResult.permit();
        }
        return identity.onItem().transform(caller -> caller.hasRole(Role.ADMIN) ? CheckResult.PERMIT : CheckResult.DENY);
    }

    @Override
    public String name() {
        return "management";
    }
}
