package dev.loopwise.serving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the serving encoder thread lives: without it every request would wait out its timeout, so a
 * load balancer should send traffic elsewhere.
 */
@Readiness
@ApplicationScoped
public class EncoderReadiness implements HealthCheck {
    static final String NAME = "Serving encoder";

    @Inject
    ServingPipeline pipeline;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(pipeline.encoderAlive()).build();
    }
}
