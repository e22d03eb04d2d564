package dev.loopwise.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Runs before Quarkus' JPA provider checks a password: a locked username or a disabled account is
 * refused without spending a bcrypt check on it. Answering nothing hands the request on to that provider.
 */
@ApplicationScoped
public class PasswordSignInGate implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    @Inject
    LoginThrottle throttle;

    @Inject
    UserService users;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return SYSTEM_FIRST * 2;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        if (throttle.isUserLocked(request.getUsername())) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return context.runBlocking(() -> {
            if (users.isDisabled(request.getUsername())) {
                throw new AuthenticationFailedException();
            }
            return null;
        });
    }
}
