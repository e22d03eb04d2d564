package dev.loopwise.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged jar the way the launcher does, against a database of the test's own. */
final class PackagedApp {
    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    /** Several checkouts on one machine each set their own, or one's run drops the database under another's. */
    static final String DATABASE = System.getenv().getOrDefault("LOOPWISE_IT_DB", "loopwise_it");
    static final String SERVER = "jdbc:postgresql://localhost:5432/";

    record Result(int exitCode, String stdout, String stderr) {
    }

    private PackagedApp() {
    }

    static Map<String, String> environment(int port) {
        return Map.of("LOOPWISE_DB_URL", SERVER + DATABASE, "LOOPWISE_PORT", String.valueOf(port),
                "LOOPWISE_SESSION_KEY", "integration-test-session-key-0123456789");
    }

    static ProcessBuilder builder(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        return builder;
    }

    static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("loopwise-out", ".txt");
        Path err = Files.createTempFile("loopwise-err", ".txt");
        Process process = builder(env, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("loopwise " + String.join(" ", args) + " did not finish");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Starts the web service and waits until it is ready; its output goes to {@code log}. */
    static Process start(Map<String, String> env, Path log, String... args) throws Exception {
        Process process = builder(env, args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String url = "http://localhost:" + env.get("LOOPWISE_PORT") + "/q/health/ready";
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Loopwise stopped during start:\n" + Files.readString(log));
            }
            try {
                if (get(url, null).statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        process.destroyForcibly();
        throw new AssertionError("Loopwise did not become ready:\n" + Files.readString(log));
    }

    static HttpResponse<String> get(String url, String apiKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> postForm(String url, String form) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                // A browser names the page's origin on every POST; Loopwise refuses forms that do not.
                .header("Origin", URI.create(url).resolve("/").toString().replaceAll("/$", ""))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postJson(String url, String apiKey, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
    }

    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** A GET to 127.0.0.1 naming {@code host} in its Host header (HTTP clients will not set that header), answered as text. */
    static String rawGet(int port, String host, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: text/html\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** This machine's addresses that others on its networks reach it by (not loopback, not link-local). */
    static List<InetAddress> ownNetworkAddresses() throws SocketException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                Collections.list(nic.getInetAddresses()).stream()
                        .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress()).forEach(addresses::add);
            }
        }
        return addresses;
    }

    /** The PostgreSQL superuser of this machine (trust authentication on localhost). */
    static Connection superuser() throws SQLException {
        return DriverManager.getConnection(SERVER + "postgres", "postgres", null);
    }

    static void dropDatabase() throws SQLException {
        try (Connection admin = superuser()) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    static String url(int port) {
        return "http://localhost:" + port;
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER + DATABASE, "loopwise", "loopwise");
    }

    static String text(String sql) throws SQLException {
        try (Connection connection = connect();
             var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    static long count(String sql) throws SQLException {
        try (Connection connection = connect();
             var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Waits until no training waits or runs: the service refuses a second one while one does. */
    static void awaitNoTraining(long timeoutMillis) throws SQLException, InterruptedException {
        long until = System.currentTimeMillis() + timeoutMillis;
        while (count("select count(*) from training_runs where status in ('queued', 'running')") > 0) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("a training was still under way after " + timeoutMillis / 1000 + " s");
            }
            Thread.sleep(200);
        }
    }
}
