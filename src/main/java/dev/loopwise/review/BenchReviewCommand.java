package dev.loopwise.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.common.AccountMessages;
import dev.loopwise.common.CommandLineMessages;
import dev.loopwise.common.http.ServerAddress;
import dev.loopwise.common.http.ServerAnswers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loopwise bench-review}: many reviewers at once against a running Loopwise — each asks for the
 * next item and judges it, again and again — and prints next-item and submit latency p50/p95.
 * It creates its reviewer accounts with the admin key it is given.
 */
@Command(name = "bench-review", description = "Measure review next-item and submit latency under concurrent reviewers; prints a table.")
public class BenchReviewCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--url", defaultValue = "http://localhost:8080", converter = ServerAddress.class,
            description = "A running Loopwise (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--key", defaultValue = "${env:LOOPWISE_API_KEY}", description = "An admin's API key, or set LOOPWISE_API_KEY to keep it out of the process list (to create the benchmark's reviewers).")
    String adminKey;

    @Option(names = "--reviewers", defaultValue = "50", description = "Concurrent reviewers, at most 1000 (default: ${DEFAULT-VALUE}).")
    int reviewers;

    @Option(names = "--seconds", defaultValue = "30", description = "How long they work in each mode (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--think", defaultValue = "3", description = "Seconds a reviewer reads before judging, in the first, "
            + "realistic mode (each wait drawn between half and one and a half times it, each reviewer's first request at a "
            + "random moment within it); 0 runs only the saturated mode "
            + "(default: ${DEFAULT-VALUE}).")
    double think;

    static final int MAX_REVIEWERS = 1000;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private BenchStopping stopping;

    @Override
    public Integer call() throws Exception {
        // Each reviewer is an account made through the API and a thread: a slip of the keyboard (500000) would fill Users for hours.
        if (reviewers < 1 || reviewers > MAX_REVIEWERS) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--reviewers", "from 1 to " + MAX_REVIEWERS
                    + " (reviewers working at once)", reviewers));
        }
        if (seconds < 1) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--seconds", "1 or more (how long they work in each mode)", seconds));
        }
        if (!(think >= 0 && think <= 3600)) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--think", "from 0 to 3600 (seconds a reviewer reads an item;"
                    + " 0 runs only the saturated mode)", think));
        }
        if (adminKey == null || adminKey.isBlank()) {
            System.err.println("loopwise: " + AccountMessages.API_KEY_NEEDED);
            return 2;
        }
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> keys = new ArrayList<>();
        stopping = new BenchStopping(url, adminKey, run);
        Thread onStop = stopping.hook();
        Runtime.getRuntime().addShutdownHook(onStop);
        int code;
        boolean allDisabled;
        try {
            code = work(run, keys);
        } finally {
            allDisabled = stopping.finish();
            try {
                Runtime.getRuntime().removeShutdownHook(onStop);
            } catch (IllegalStateException ending) {
                // Ctrl-C came meanwhile: the accounts are disabled already, by this thread or the hook.
            }
        }
        // Accounts left enabled, with unlimited keys, are a failure even when the measuring went well.
        return allDisabled ? code : Math.max(code, 1);
    }

    private int work(String run, List<String> keys) throws Exception {
        for (int i = 0; i < reviewers; i++) {
            String name = "bench-" + run + "-" + i;
            stopping.making.lock();
            try {
                if (stopping.stopped()) {
                    return 130;
                }
                // A wrong key or address stops here in one sentence, before any reviewer works.
                JsonNode account = JSON.readTree(ServerAnswers.ok(send("POST", "/api/v1/users", adminKey, "{\"username\":\"" + name
                        + "\",\"password\":\"bench-" + UUID.randomUUID() + "\",\"roles\":\"reviewer\"}")).body());
                stopping.accounts.add(account.get("id").asLong());
            } finally {
                stopping.making.unlock();
            }
            // Without a limit: a simulated reviewer clicks far faster than a person, and would measure the limit.
            String request = "{\"name\":\"bench\",\"username\":\"" + name + "\",\"requestsPerMinute\":0}";
            try {
                keys.add(JSON.readTree(ServerAnswers.ok(send("POST", "/api/v1/keys", adminKey, request)).body()).get("key").asText());
            } catch (Exception refused) {
                // Stopping disables the account meanwhile, and the server then refuses its key: that is no error.
                if (stopping.stopped()) {
                    return 130;
                }
                throw refused;
            }
        }
        // People first: the saturated mode uses the queue up far faster.
        int failed = think > 0 ? measure(keys, think, String.format("reading %.1f s per item", think)) : 0;
        failed += measure(keys, 0, "saturated: no reading time");
        return failed == 0 ? 0 : 1;
    }

    /** Every reviewer takes an item, reads for about {@code thinkSeconds}, judges it, and goes on until the time is up. */
    private int measure(List<String> keys, double thinkSeconds, String mode) throws Exception {
        List<Double> next = Collections.synchronizedList(new ArrayList<>());
        List<Double> submit = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger empty = new AtomicInteger();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(reviewers);
        stopping.working(pool);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (String key : keys) {
                futures.add(pool.submit(() -> {
                    if (thinkSeconds > 0) {
                        // A team at work is spread over its reading time; fifty first requests in one millisecond are a
                        // start-up burst, which the saturated mode measures.
                        Thread.sleep((long) (thinkSeconds * 1000 * ThreadLocalRandom.current().nextDouble()));
                    }
                    while (System.nanoTime() < deadline && !stopping.stopped()) {
                        long start = System.nanoTime();
                        HttpResponse<String> item = sendOrNull("GET", "/api/v1/review/next", key, null);
                        if (item == null) {
                            errors.incrementAndGet();
                            // A server that refuses connections fails at once: without a pause this would spin.
                            Thread.sleep(200);
                            continue;
                        }
                        next.add((System.nanoTime() - start) / 1e6);
                        if (item.statusCode() == 204) {
                            empty.incrementAndGet();
                            Thread.sleep(200);
                            continue;
                        }
                        if (item.statusCode() != 200) {
                            errors.incrementAndGet();
                            continue;
                        }
                        JsonNode node = JSON.readTree(item.body());
                        if (thinkSeconds > 0) {
                            Thread.sleep((long) (thinkSeconds * 1000 * (0.5 + ThreadLocalRandom.current().nextDouble())));
                        }
                        start = System.nanoTime();
                        HttpResponse<String> judged = sendOrNull("POST", "/api/v1/review/" + node.get("itemId").asLong(), key, "{\"choice\":\"A\"}");
                        if (judged == null) {
                            errors.incrementAndGet();
                            Thread.sleep(200);
                            continue;
                        }
                        submit.add((System.nanoTime() - start) / 1e6);
                        if (judged.statusCode() >= 300) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException | RejectedExecutionException e) {
            // Ctrl-C stopped the reviewers mid-request: the stopping says what happened, not an interrupted sleep.
            if (stopping.stopped()) {
                return errors.get();
            }
            throw e;
        } finally {
            // A reviewer that failed ends the command: the others must not load the server the accounts are disabled on.
            pool.shutdownNow();
        }
        System.out.printf("%n%s, %d reviewers, %d s%n", mode, reviewers, seconds);
        System.out.printf("%-40s %10s %10s %10s%n", "measurement", "requests", "p50 ms", "p95 ms");
        print("GET /api/v1/review/next", next);
        print("POST /api/v1/review/{itemId}", submit);
        System.out.printf("judgements per second: %.1f; empty queue answers: %d; failed requests: %d%n",
                submit.size() / (double) seconds, empty.get(), errors.get());
        return errors.get();
    }

    private static void print(String label, List<Double> latencies) {
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%-40s %10d %10.1f %10.1f%n", label, sorted.size(), percentile(sorted, 0.5), percentile(sorted, 0.95));
    }

    private static double percentile(List<Double> sorted, double q) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size())));
    }

    /** A request that fails outright is counted as failed: one slow connection under load must not end the run without its table. */
    private HttpResponse<String> sendOrNull(String method, String path, String key, String body) throws InterruptedException {
        try {
            return send(method, path, key, body);
        } catch (IOException failed) {
            return null;
        }
    }

    private HttpResponse<String> send(String method, String path, String key, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
