package dev.loopwise.monitoring.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.common.AccountMessages;
import dev.loopwise.common.CommandLineMessages;
import dev.loopwise.common.DriftMessages;
import dev.loopwise.common.FileMessages;
import dev.loopwise.common.http.BodyLimit;
import dev.loopwise.common.http.ServerAddress;
import dev.loopwise.common.http.ServerAnswers;
import dev.loopwise.common.text.Counts;
import dev.loopwise.ticket.CliFiles;
import dev.loopwise.ticket.TicketFile;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loopwise replay}: sends a file of tickets to a running Loopwise's {@code /api/v1/drift/replay}, which answers them
 * as the dashboard's replay does (from the library policy alone, with no call to a connected LLM: a replay measures the
 * model) with a drift check after every stride of requests, and prints what each check found.
 */
@Command(name = "replay", description = "Replay a ticket file against a running Loopwise and report drift as it is detected.")
public class ReplayCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SAY_WAITING_AFTER_SECONDS = 3;

    @Option(names = "--file", required = true, description = "CSV or JSONL with a text column (e.g. src/main/resources/demo/traffic-shifted.csv).")
    Path file;

    @Option(names = "--key", defaultValue = "${env:LOOPWISE_API_KEY}", description = "An admin's API key, or set LOOPWISE_API_KEY to keep it out of the process list (it asks for the replay and its drift checks).")
    String key;

    @Option(names = "--url", defaultValue = "http://localhost:8080", converter = ServerAddress.class,
            description = "A running Loopwise (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--stride", defaultValue = "50", description = "Requests between drift checks (default: ${DEFAULT-VALUE}; a file"
            + " replayed in the background is checked at the server's LOOPWISE_MONITORING_STRIDE).")
    int stride;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Override
    public Integer call() throws Exception {
        // The server refuses these too, but only after the whole file has been read and sent.
        if (stride < 1 || stride > ReplayService.MAX_TEXTS) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--stride", "from 1 to " + ReplayService.MAX_TEXTS
                    + " (requests between drift checks)", stride));
        }
        if (key == null || key.isBlank()) {
            System.err.println("loopwise: " + AccountMessages.API_KEY_NEEDED);
            return 2;
        }
        // The server refuses a body over its limit only once all of it arrived: a file over it is not read whole to be sent.
        long limit = BodyLimit.bytes(System.getenv(BodyLimit.VARIABLE));
        // Read as every command reads a ticket file (a gzip file decompressed, UTF-16 decoded); measured as it is sent, in UTF-8.
        String text = CliFiles.textAtMost(file, limit, DriftMessages.replayFileTooLarge(file, BodyLimit.size(limit)));
        if (text.isBlank()) {
            throw new IllegalArgumentException(DriftMessages.replayFileEmpty(file));
        }
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        String name = file.getFileName().toString().replaceFirst("(?i)\\.gz$", "");
        TicketFile.Format format = TicketFile.guess(name, text);
        // Read here as the server reads it: a file it cannot use is a file to fix (exit 2), not a replay that failed (exit 1).
        TicketFile.Parsed parsed = TicketFile.read(new StringReader(text), format);
        if (!parsed.ok()) {
            throw new IllegalArgumentException(file + ": " + DriftMessages.replayUnreadable(FileMessages.ofNamedFile(parsed.errors(), file)) + " Nothing was sent.");
        }
        if (parsed.rows().isEmpty()) {
            throw new IllegalArgumentException(DriftMessages.replayFileNoRows(file));
        }
        if (parsed.rows().size() > ReplayService.MAX_TEXTS) {
            throw new IllegalArgumentException(file + ": " + DriftMessages.replayTooManyTickets(parsed.rows().size(), ReplayService.MAX_TEXTS));
        }
        String type = format == TicketFile.Format.CSV ? "text/csv" : "application/x-ndjson";
        // Up to LOOPWISE_MONITORING_REPLAY_IN_REQUEST tickets are answered while this waits: minutes for a long file, which
        // a silent terminal leaves to guesswork. Said only once it takes a while, so a wrong address stays one sentence.
        // Neutral on purpose: a long file is taken to replay in the background, whose progress is printed as it goes.
        String waiting = String.format("Replaying %s on %s: waiting for Loopwise to take the file…", file.getFileName(), url);
        HttpResponse<String> sent = send(HttpRequest.newBuilder(URI.create(url + "/api/v1/drift/replay?stride=" + stride))
                .timeout(Duration.ofHours(1)).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(content)), waiting);
        if (sent.statusCode() == 202) {
            return followed(JSON.readTree(sent.body()).get("id").asLong());
        }
        if (sent.statusCode() != 200) {
            // Loopwise's refusal (a ticket breaking /respond's rules, no active model) is said as "Not replayed"; any
            // other answer means something else listens at --url.
            if (ServerAnswers.loopwiseError(sent.body()) == null) {
                throw new IllegalStateException(ServerAnswers.refusal(sent));
            }
            System.err.println("Not replayed (HTTP " + sent.statusCode() + "): " + ServerAnswers.loopwiseError(sent.body()));
            return 1;
        }
        JsonNode done = JSON.readTree(sent.body());
        for (JsonNode check : done.get("checks")) {
            System.out.printf("%6d requests sent: %s%n", check.get("afterRequests").asInt(), describe(check));
        }
        int failed = done.get("failed").asInt();
        System.out.printf("Replayed %s (%d failed%s); %s ran. The dashboard: %s/admin/drift%n",
                Counts.of(done.get("requests").asInt(), "ticket"), failed, failed > 0 ? ", the first: " + done.get("firstError").asText() : "",
                Counts.of(done.get("checks").size(), "drift check"), url);
        return failed == 0 ? 0 : 1;
    }

    /** A replay too long to wait for runs in the background: its progress is printed as it changes, until it ends. */
    private int followed(long id) throws Exception {
        System.out.printf("The file is replayed in the background (replay %d); cancel it on the dashboard: %s/admin/drift%n", id, url);
        String said = null;
        while (true) {
            HttpResponse<String> status = send(HttpRequest.newBuilder(URI.create(url + "/api/v1/drift/replays/" + id))
                    .timeout(Duration.ofSeconds(60)).GET());
            if (status.statusCode() != 200) {
                System.err.println("Could not follow replay " + id + ": " + ServerAnswers.refusal(status));
                return 1;
            }
            JsonNode view = JSON.readTree(status.body());
            if (!view.get("said").asText().equals(said)) {
                said = view.get("said").asText();
                System.out.println(said);
            }
            if (view.get("finished").asBoolean()) {
                return view.get("status").asText().equals(DriftReplay.SUCCEEDED) && view.get("failed").asInt() == 0 ? 0 : 1;
            }
            Thread.sleep(2000);
        }
    }

    private static String describe(JsonNode check) {
        List<String> raised = new ArrayList<>();
        check.get("raised").forEach(a -> raised.add(a.get("signal").asText()));
        List<String> confirmed = new ArrayList<>();
        check.get("confirmed").forEach(s -> confirmed.add(s.asText()));
        return confirmed.isEmpty() ? (raised.isEmpty() ? "no drift" : "over threshold, to be confirmed: " + String.join(", ", raised))
                : "DRIFT confirmed: " + String.join(", ", confirmed);
    }

    /** A key's rate limit is part of normal operation: wait as long as the server says and send again. */
    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return send(request, null);
    }

    /** {@code waiting}, if any, is said on stderr when the answer takes longer than a few seconds. */
    private HttpResponse<String> send(HttpRequest.Builder request, String waiting) throws Exception {
        HttpRequest built = request.header("Authorization", "Bearer " + key).build();
        HttpResponse<String> response = answer(built, waiting);
        while (response.statusCode() == 429) {
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Math.max(1, seconds) * 1000L);
            response = answer(built, waiting);
        }
        return response;
    }

    private HttpResponse<String> answer(HttpRequest request, String waiting) throws Exception {
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        if (waiting == null) {
            return answer.get();
        }
        try {
            return answer.get(SAY_WAITING_AFTER_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException stillAnswering) {
            System.err.println(waiting);
            return answer.get();
        }
    }
}
