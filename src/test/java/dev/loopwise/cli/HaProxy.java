package dev.loopwise.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy in front of several Loopwise instances, as an operator would run it: round robin, a
 * health check on the readiness endpoint, and a retry elsewhere only when a connection could not be made
 * (a request that reached an instance is never sent twice). Each answer names the instance that gave it.
 */
final class HaProxy implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/haproxy");
    static final String SERVED_BY = "X-Served-By";

    private final Process process;
    private final Path log;
    final int port;

    private HaProxy(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** The configuration for instances named a, b, ... on {@code backends}. */
    static String config(int port, List<Integer> backends) {
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < backends.size(); i++) {
            servers.append("    server ").append((char) ('a' + i)).append(" 127.0.0.1:").append(backends.get(i)).append(" check\n");
        }
        return """
                global
                    maxconn 1000
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    # Only a refused connection is retried (the default retry-on): the request never reached an instance.
                    retries 3
                    option redispatch 1
                    option forwardfor
                frontend loopwise
                    bind 127.0.0.1:%d
                    # The instances believe X-Forwarded-For: only the address HAProxy saw may reach them.
                    http-request del-header X-Forwarded-For
                    # A client asking to upgrade to cleartext HTTP/2 (the JDK's HTTP client does) would get a tunnel
                    # to one instance that is no longer balanced request by request: it stays on HTTP/1.1.
                    http-request del-header Upgrade if { req.hdr(Upgrade) -i h2c }
                    default_backend instances
                backend instances
                    balance roundrobin
                    option httpchk GET /q/health/ready
                    http-check expect status 200
                    default-server inter 1s fall 2 rise 2
                    http-response set-header %s %%[srv_name]
                %s""".formatted(port, SERVED_BY, servers);
    }

    /** Starts HAProxy and waits until every backend answers through it; fails (never skips) without it. */
    static HaProxy start(int port, List<Integer> backends) throws Exception {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError(BINARY + " is missing: install Debian's haproxy package (apt-get install haproxy)");
        }
        Path config = Files.createTempFile("loopwise-haproxy", ".cfg");
        Files.writeString(config, config(port, backends));
        Path log = Files.createTempFile("loopwise-haproxy", ".log");
        Process process = new ProcessBuilder(BINARY.toString(), "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HaProxy proxy = new HaProxy(process, log, port);
        try {
            proxy.awaitServers(backends.size());
        } catch (Throwable e) {
            proxy.close();
            throw e;
        }
        return proxy;
    }

    String url() {
        return "http://localhost:" + port;
    }

    private void awaitServers(int count) throws Exception {
        Set<String> seen = new HashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (seen.size() < count && System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("haproxy stopped:\n" + Files.readString(log));
            }
            try {
                var answer = PackagedApp.get(url() + "/q/health/ready", null);
                if (answer.statusCode() == 200) {
                    answer.headers().firstValue(SERVED_BY).ifPresent(seen::add);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        if (seen.size() < count) {
            throw new AssertionError("haproxy reached only " + seen + ":\n" + Files.readString(log));
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
