package dev.loopwise.security.apikey;

import dev.loopwise.common.http.ApiError;
import dev.loopwise.common.Messages;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Reads {@code Authorization: Bearer <api key>}; the API paths accept nothing else (see application.properties). */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {
    static final String SCHEME = "Bearer";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        // Several headers name several keys, and which one should act would be a guess: none does, on any path.
        if (context.request().headers().getAll(HttpHeaders.AUTHORIZATION).size() > 1) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)) {
            return Uni.createFrom().nullItem();
        }
        String secret = header.substring(SCHEME.length() + 1).strip();
        return identityProviderManager.authenticate(
                HttpSecurityUtils.setRoutingContextAttribute(new ApiKeyAuthenticationRequest(secret), context));
    }

    /**
     * Answers a stranger on paths outside the pages and the API (metrics, API documentation): a browser is
     * sent to sign in, anything else is told to bring a key. Ranking above form login makes this the
     * answer every time, not whichever mechanism happens to come first.
     */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains("text/html")) {
            return Uni.createFrom().item(new ChallengeData(302, HttpHeaders.LOCATION, "/login"));
        }
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate",
                SCHEME + " realm=\"loopwise\""));
    }

    /** Quarkus ends a challenge with an empty body; a 401 here also says, in the API's error shape, what to send. */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return getChallenge(context).map(challenge -> {
            HttpServerResponse response = context.response();
            response.setStatusCode(challenge.status);
            response.headers().set(challenge.headerName, challenge.headerContent);
            if (challenge.status == 401 && !response.ended()) {
                response.headers().set(HttpHeaders.CONTENT_TYPE, "application/json");
                response.end(Json.encode(new ApiError("unauthenticated", Messages.UNAUTHENTICATED)));
            }
            return true;
        });
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }
}
