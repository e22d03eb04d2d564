package dev.loopwise.monitoring;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Points the webhook setting of every test at a port free when the run starts, so two runs on one machine never
 * bind the same receiver. The port is drawn below the kernel's range for outgoing connections, where no
 * connection of this run takes it between the tests that listen on it.
 */
@WithTestResource(value = FreeWebhookPort.class, scope = TestResourceScope.GLOBAL)
public class FreeWebhookPort implements QuarkusTestResourceLifecycleManager {
    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_000;

    @Override
    public Map<String, String> start() {
        return Map.of("loopwise.monitoring.webhook-url", "http://localhost:" + freePort() + "/hook");
    }

    @Override
    public void stop() {
    }

    static int freePort() {
        for (int tries = 0; tries < 200; tries++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return port;
            } catch (IOException taken) {
                // another run or service listens there: draw again
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + HIGHEST + " for the test webhook");
    }
}
