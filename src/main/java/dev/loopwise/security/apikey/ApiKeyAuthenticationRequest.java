package dev.loopwise.security.apikey;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key taken from an {@code Authorization: Bearer} header. */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {
    public final String secret;

    public ApiKeyAuthenticationRequest(String secret) {
        this.secret = secret;
    }
}
