package dev.loopwise.security.account;

import dev.loopwise.security.Role;
import dev.loopwise.security.apikey.ApiKeyIdentityProvider;
import dev.loopwise.security.user.User;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Who is asking, for resources and templates ({@code {inject:currentUser.name}}). */
@RequestScoped
@Named("currentUser")
public class CurrentUser {
    @Inject
    SecurityIdentity identity;

    public String name() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public boolean isAdmin() {
        return identity.hasRole(Role.ADMIN);
    }

    public boolean isReviewer() {
        return identity.hasRole(Role.REVIEWER) || isAdmin();
    }

    public boolean isLoggedIn() {
        return !identity.isAnonymous();
    }

    public User user() {
        return User.findByUsername(name()).orElseThrow();
    }

    /** The caller's account id; for an API key it came with the key's row, which spares a look-up per request. */
    public long id() {
        Long known = identity.getAttribute(ApiKeyIdentityProvider.USER_ID);
        return known != null ? known : user().id;
    }
}
