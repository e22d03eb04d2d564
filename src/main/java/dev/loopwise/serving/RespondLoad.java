package dev.loopwise.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.common.ServingMessages;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** {@code bench-serving}'s clients: concurrent /api/v1/respond requests against a running Loopwise, timed one by one. */
final class RespondLoad {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String key;
    /** Gives the next request texts; each must be new, or the service's embedding cache would answer for the encoder. */
    private final IntFunction<List<String>> next;

    RespondLoad(String key, IntFunction<List<String>> next) {
        this.key = key;
        this.next = next;
    }

    record Load(double rate, List<Double> latencies, int errors) {
        double percentile(double q) {
            if (latencies.isEmpty()) {
                return Double.NaN;
            }
            return latencies.get(Math.min(latencies.size() - 1, (int) Math.floor(q * latencies.size())));
        }
    }

    /** Throughput and latency of {@code concurrency} clients over {@code seconds}, after a short warm-up. */
    Load measure(String url, int concurrency, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            runClients(pool, url, concurrency, System.nanoTime() + Duration.ofSeconds(3).toNanos()); // warm-up
            long start = System.nanoTime();
            List<List<Double>> perClient = runClients(pool, url, concurrency, start + Duration.ofSeconds(seconds).toNanos());
            double elapsed = (System.nanoTime() - start) / 1e9;
            List<Double> all = new ArrayList<>();
            int errors = 0;
            for (List<Double> l : perClient) {
                for (double v : l) {
                    if (v < 0) {
                        errors++;
                    } else {
                        all.add(v);
                    }
                }
            }
            Collections.sort(all);
            return new Load(all.size() / elapsed, all, errors);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<List<Double>> runClients(ExecutorService pool, String url, int concurrency, long deadline)
            throws Exception {
        List<Future<List<Double>>> futures = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            futures.add(pool.submit(() -> {
                List<Double> latencies = new ArrayList<>();
                while (System.nanoTime() < deadline) {
                    String body = "{\"text\":" + json(next.apply(1).get(0)) + "}";
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/respond")).timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long sent = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    latencies.add(response.statusCode() == 200 ? (System.nanoTime() - sent) / 1e6 : -1);
                }
                return latencies;
            }));
        }
        List<List<Double>> results = new ArrayList<>();
        for (Future<List<Double>> f : futures) {
            results.add(f.get());
        }
        return results;
    }

    /**
     * The active version's encoder, as the server's models list names it (admins only: a service key, which may answer
     * tickets, is told why it is unknown). A key the server does not know, an address where no Loopwise answers, or a
     * server without an active version is refused at once: every request would fail, and the table would measure failures.
     */
    String serverEncoder(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/models")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 403 && ServerAnswers.loopwiseError(response.body()) != null) {
            return "unknown (GET /api/v1/models is for admins' keys)";
        }
        for (JsonNode v : new ObjectMapper().readTree(ServerAnswers.ok(response).body())) {
            if ("active".equals(v.path("status").asText())) {
                return "v" + v.path("version").asInt() + ": " + v.path("encoder").asText();
            }
        }
        throw new IllegalStateException(ServingMessages.NO_ACTIVE_MODEL);
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
