package dev.loopwise.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.ticket.CliFiles;
import dev.loopwise.ticket.TicketRow;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loopwise replay}: sends a file of tickets to a running Loopwise's {@code /api/v1/respond}, asking
 * for a drift check after every stride of requests, and prints what each check found.
 */
@Command(name = "replay", description = "Replay a ticket file against a running Loopwise and report drift as it is detected.")
public class ReplayCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--file", required = true, description = "CSV or JSONL with a text column (e.g. src/main/resources/demo/traffic-shifted.csv).")
    Path file;

    @Option(names = "--key", required = true, description = "An admin's API key (it asks for answers and drift checks).")
    String key;

    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "A running Loopwise (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--stride", defaultValue = "50", description = "Requests between drift checks (default: ${DEFAULT-VALUE}).")
    int stride;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Override
    public Integer call() throws Exception {
        List<String> texts = CliFiles.tickets(file).stream().map(TicketRow::text).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        int sent = 0;
        int failed = 0;
        try {
            for (int from = 0; from < texts.size(); from += stride) {
                List<Future<Integer>> answers = new ArrayList<>();
                for (String text : texts.subList(from, Math.min(texts.size(), from + stride))) {
                    answers.add(pool.submit(() -> post("/api/v1/respond", JSON.writeValueAsString(java.util.Map.of("text", text))).statusCode()));
                }
                for (Future<Integer> answer : answers) {
                    failed += answer.get() == 200 ? 0 : 1;
                    sent++;
                }
                HttpResponse<String> check = post("/api/v1/drift/check?force=false", "");
                String found = check.statusCode() == 204 ? "not checked yet (the window is not full)" : describe(check);
                System.out.printf("%6d requests sent: %s%n", sent, found);
            }
        } finally {
            pool.shutdown();
        }
        System.out.printf("Replayed %d tickets (%d failed). The dashboard: %s/admin/drift%n", sent, failed, url);
        return failed == 0 ? 0 : 1;
    }

    private static String describe(HttpResponse<String> check) throws Exception {
        if (check.statusCode() != 200) {
            return "check refused (HTTP " + check.statusCode() + "): " + check.body();
        }
        JsonNode body = JSON.readTree(check.body());
        List<String> raised = new ArrayList<>();
        body.get("raised").forEach(a -> raised.add(a.get("signal").asText()));
        List<String> confirmed = new ArrayList<>();
        body.get("confirmed").forEach(s -> confirmed.add(s.asText()));
        return confirmed.isEmpty() ? (raised.isEmpty() ? "no drift" : "over threshold, to be confirmed: " + String.join(", ", raised))
                : "DRIFT confirmed: " + String.join(", ", confirmed);
    }

    /** A key's rate limit is part of normal operation: wait as long as the server says and send again. */
    private HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        while (response.statusCode() == 429) {
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Math.max(1, seconds) * 1000L);
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }
}
