package dev.loopwise.security.apikey;

import dev.loopwise.common.ApiException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request whose API key has used up its minute (429 with Retry-After). The counting itself
 * happened where the key was checked ({@link ApiKeyIdentityProvider}); this only reads its verdict, so
 * session and anonymous requests pay nothing.
 */
public class ApiKeyRateLimitFilter {
    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter
    public Uni<Response> refuseOverLimit(HttpHeaders headers) {
        if (headers.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().onItem().transform(identity -> {
            if (identity.getAttribute(ApiKeyIdentityProvider.RATE_LIMIT) instanceof ApiKeyRateLimiter.Verdict verdict
                    && verdict.refused()) {
                throw ApiException.rateLimited(verdict.limit(), verdict.retryAfterSeconds());
            }
            return null;
        });
    }
}
