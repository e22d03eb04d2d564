package dev.loopwise.security.apikey;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns a valid API key into its user's identity, with the user's roles as they are now. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {
    /** Identity attribute marking callers who came with an API key rather than a session. */
    public static final String AUTHENTICATED_BY = "authenticatedBy";
    /** Identity attribute: what counting this request against the key's limit found ({@link ApiKeyRateLimiter.Verdict}). */
    static final String RATE_LIMIT = "loopwise.rateLimit";
    /** Identity attribute: the key's user id ({@link dev.loopwise.security.account.CurrentUser#id()}). */
    public static final String USER_ID = "loopwise.userId";

    @Inject
    ApiKeyService keys;

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            ApiKeyService.KeyUse use = keys.authenticate(request.secret).orElseThrow(AuthenticationFailedException::new);
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(use.user().username))
                    .addRoles(use.user().roleSet())
                    .addAttribute(AUTHENTICATED_BY, "api-key")
                    .addAttribute(RATE_LIMIT, use.limit())
                    .addAttribute(USER_ID, use.user().id)
                    .build();
        });
    }
}
