package dev.loopwise.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A session cookie names its user and nothing else; this ends the session of an account an admin has
 * disabled at its very next request, before Quarkus' JPA provider would rebuild its identity.
 */
@ApplicationScoped
public class SessionGate implements IdentityProvider<TrustedAuthenticationRequest> {
    @Inject
    UserService users;

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
        return context.runBlocking(() -> {
            if (users.isDisabled(request.getPrincipal())) {
                throw new AuthenticationFailedException();
            }
            return null;
        });
    }
}
