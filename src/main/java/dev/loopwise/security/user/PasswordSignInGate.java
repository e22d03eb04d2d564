package dev.loopwise.security.user;

import dev.loopwise.security.Role;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks every password sign-in, whichever path Quarkus' form login answered it on: the throttle first
 * (a locked account or address is refused without spending a bcrypt check), then the password, then
 * whether the account may sign in at all. Failures and successes are counted here, at the identity
 * check, so no path variant escapes the count. It runs before Quarkus' JPA provider and always
 * answers, so that provider never sees a password.
 */
@ApplicationScoped
public class PasswordSignInGate implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    /** Set on the request when the refusal was a lock, so the login page can say so. */
    static final String LOCKED = "loopwise.sign-in-locked";
    /**
     * Set when the password was right but the account may not sign in ({@code disabled} or {@code service}): the person
     * learns nothing a guesser could use, and is told to ask an admin instead of retyping a right password until locked.
     */
    static final String CLOSED = "loopwise.sign-in-closed";
    /** An unknown username costs the same bcrypt check as a known one: timing does not tell which exist. */
    private static final String NOBODY_HASH = BcryptUtil.bcryptHash("no account has this password");

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
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = SignInFilter.clientAddress(routing);
        // No account is named with a NUL (PostgreSQL cannot hold one), and looking one up would fail the sign-in with a
        // database error instead of refusing it; the address is still checked and counted.
        String username = request.getUsername() == null || request.getUsername().indexOf('\u0000') >= 0 ? null
                : accountName(request.getUsername());
        String password = new String(request.getPassword().getPassword());
        return context.runBlocking(() -> {
            if (throttle.isLocked(username, address)) {
                throw refused(routing, throttle.secondsLocked(username, address));
            }
            Optional<UserService.SignInAccount> account = username == null ? Optional.empty() : users.signInAccount(username);
            if (!BcryptUtil.matches(password, account.map(UserService.SignInAccount::passwordHash).orElse(NOBODY_HASH))
                    || account.isEmpty()) {
                throttle.failed(username, address);
                throw refused(routing, throttle.isLocked(username, address) ? throttle.secondsLocked(username, address) : 0);
            }
            UserService.SignInAccount user = account.get();
            if (!user.enabled() || !user.roles().stream().anyMatch(r -> r.equals(Role.ADMIN) || r.equals(Role.REVIEWER))) {
                // A disabled account, or a service account (API keys only): the password was right, nothing was guessed.
                if (routing != null) {
                    routing.put(CLOSED, user.enabled() ? "service" : "disabled");
                }
                throw refused(routing, 0);
            }
            throttle.succeeded(user.username(), address);
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(user.username()))
                    .addRoles(user.roles())
                    .build();
        });
    }

    /**
     * The account a typed username names. Every username is lower-case without spaces: "Reviewer1" from a phone that
     * capitalised it, or a name pasted with a space, is that account, and was refused as a wrong username or password.
     */
    static String accountName(String typed) {
        return typed == null ? null : typed.strip().toLowerCase(Locale.ROOT);
    }

    /** {@code lockedForSeconds}: how long the lock that refused it lasts still; 0: no lock refused it. */
    private static AuthenticationFailedException refused(RoutingContext routing, long lockedForSeconds) {
        if (lockedForSeconds > 0 && routing != null) {
            routing.put(LOCKED, lockedForSeconds);
        }
        return new AuthenticationFailedException();
    }
}
