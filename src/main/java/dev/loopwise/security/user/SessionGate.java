package dev.loopwise.security.user;

import dev.loopwise.common.http.SessionEnd;
import dev.loopwise.security.SecurityConfig;
import dev.loopwise.security.SessionStamps;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * A session cookie names its user and nothing else; before Quarkus' JPA provider rebuilds the identity,
 * this checks that the session is still one the account honours: not disabled, and signed in after the
 * last logout, password change or role change ({@link SessionStamps}), and not longer ago than the session lifetime
 * ({@link SecurityConfig#sessionLifetime()}): the idle timeout alone would let a session that is used every few
 * minutes live for ever.
 */
@ApplicationScoped
public class SessionGate implements IdentityProvider<TrustedAuthenticationRequest> {
    @Inject
    UserService users;
    @Inject
    SessionStamps stamps;
    @Inject
    SecurityConfig config;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return SYSTEM_FIRST * 2;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        Cookie cookie = routing == null ? null : routing.request().getCookie(SessionStamps.COOKIE);
        Optional<Instant> signedInAt = stamps.verify(cookie == null ? null : cookie.getValue(), request.getPrincipal());
        if (signedInAt.isEmpty() || signedInAt.get().plus(config.sessionLifetime()).isBefore(Instant.now())) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return context.runBlocking(() -> {
            if (!users.honoursSession(request.getPrincipal(), signedInAt.get())) {
                if (routing != null && users.isDisabled(request.getPrincipal())) {
                    routing.put(SessionEnd.ACCOUNT_DISABLED, true);
                }
                throw new AuthenticationFailedException();
            }
            return null;
        });
    }
}
