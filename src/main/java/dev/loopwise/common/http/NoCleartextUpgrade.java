package dev.loopwise.common.http;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Cleartext connections speak HTTP/1.1 only: a request asking to go on in HTTP/2 (Upgrade: h2c, as Java's HTTP client
 * asks) is answered in HTTP/1.1, as the protocol allows. Vert.x carries such a request's headers into HTTP/2 keeping only
 * the last value of a repeated one, so two Authorization headers arrived as one and the second key acted where any other
 * request with two is refused ({@link ApiCallerFirst}); a repeated Cookie or X-Forwarded-For would lose values the same
 * way. HTTP/2 over TLS keeps every header and is unchanged.
 */
@ApplicationScoped
public class NoCleartextUpgrade implements HttpServerOptionsCustomizer {
    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }
}
