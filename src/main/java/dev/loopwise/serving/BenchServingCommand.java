package dev.loopwise.serving;

import dev.loopwise.common.AccountMessages;
import dev.loopwise.common.CommandLineMessages;
import dev.loopwise.common.http.ServerAddress;
import dev.loopwise.model.encoder.CliEncoder;
import dev.loopwise.model.encoder.EncoderOptions;
import dev.loopwise.model.encoder.SentenceEncoder;
import dev.loopwise.serving.RespondLoad.Load;
import dev.loopwise.ticket.CliFiles;
import dev.loopwise.ticket.SampleTraffic;
import dev.loopwise.ticket.TicketRow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loopwise bench-serving}: raw encoder throughput (batch 1 and 32), then /api/v1/respond
 * throughput and latency under 1, 8 and 64 concurrent clients against a running Loopwise. Every
 * request text is unique, so the embedding cache never answers for the encoder.
 */
@Command(name = "bench-serving", description = "Measure encoder and /api/v1/respond throughput and latency; prints a table.")
public class BenchServingCommand implements Callable<Integer> {
    @Option(names = "--url", defaultValue = "http://localhost:8080", converter = ServerAddress.class,
            description = "A running Loopwise (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--key", defaultValue = "${env:LOOPWISE_API_KEY}", description = "An admin's API key, or set LOOPWISE_API_KEY to keep it out of the process list; one without a rate limit"
            + " (./loopwise api-key create --user admin --requests-per-minute 0): a limited key would measure its limit.")
    String key;

    @Option(names = "--texts", description = "CSV or JSONL with a text column (default: the demo's traffic).")
    Path textsFile;

    @Option(names = "--seconds", defaultValue = "20", description = "Measured seconds per concurrency level (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--clients", split = ",", defaultValue = "1,8,64", description = "Concurrency levels, each at most 1000 (default: ${DEFAULT-VALUE}).")
    List<Integer> clients;

    @Option(names = "--versus", converter = ServerAddress.class, description = "A second address to measure at each level, e.g. one instance against"
            + " the load balancer in front of several; prints how many times the first one's throughput it reaches.")
    String versus;

    @Option(names = "--raw", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Measure the encoder in this process first (--no-raw skips it: it competes with the servers when they share the machine).")
    boolean raw;

    /** The server encodes with its active version's encoder; name the same one here to compare like with like. */
    @Mixin
    EncoderOptions encoderOptions;

    static final int MAX_CLIENTS = 1000;

    private final AtomicInteger unique = new AtomicInteger();
    /** Tells this run's texts from an earlier run's, whose vectors the service may still have cached. */
    private final String run = Long.toString(System.currentTimeMillis() % 46_656L, 36);

    @Override
    public Integer call() throws Exception {
        encoderOptions.check();
        if (seconds < 1) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--seconds", "1 or more (measured seconds per level)", seconds));
        }
        // Each client is a thread: 200000 of them stalled the command before its first line, with nothing said.
        if (clients.stream().anyMatch(n -> n < 1 || n > MAX_CLIENTS)) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--clients", "a list of numbers from 1 to " + MAX_CLIENTS
                    + " (concurrent clients per level, such as 1,8,64)", clients.stream().map(String::valueOf).collect(Collectors.joining(","))));
        }
        if (key == null || key.isBlank()) {
            System.err.println("loopwise: " + AccountMessages.API_KEY_NEEDED);
            return 2;
        }
        List<String> texts = texts();
        RespondLoad respond = new RespondLoad(key, count -> next(texts, count));
        // Asked first: a server nobody answers at is said at once, not after a minute of measuring the encoder in process.
        String serverEncoder = respond.serverEncoder(url);
        if (versus != null) {
            respond.serverEncoder(versus);
        }
        double bestRaw = 0;
        System.out.printf("%-44s %12s %10s %10s%n", "measurement", "texts/s", "p50 ms", "p99 ms");
        if (raw) {
            bestRaw = rawModes(texts);
        }
        Load busiest = null;
        System.out.printf("%-44s %s%n", "encoder (server's active version)", serverEncoder);
        for (int n : clients) {
            Load load = report(respond.measure(url, n, seconds), n, versus == null ? "" : " (" + url + ")");
            if (versus != null) {
                Load other = report(respond.measure(versus, n, seconds), n, " (" + versus + ")");
                System.out.printf("  %s answers %.2f times as many as %s%n", versus, other.rate() / load.rate(), url);
            }
            busiest = load;
        }
        if (busiest != null && bestRaw > 0) {
            // Against the encoder's best in-process mode, not a slower one: what serving loses to everything around the encoder.
            System.out.printf("at %d clients the service answers %.0f%% of the best raw encoder mode (%.1f texts/s)%n",
                    clients.get(clients.size() - 1), 100 * busiest.rate() / bestRaw, bestRaw);
        }
        return 0;
    }

    private static Load report(Load load, int clients, String where) {
        System.out.printf("%-44s %12.1f %10.1f %10.1f%n", "/api/v1/respond, " + clients + (clients == 1 ? " concurrent client" : " concurrent clients") + where, load.rate(),
                load.percentile(0.50), load.percentile(0.99));
        if (load.errors() > 0) {
            System.out.printf("  (%d requests failed)%n", load.errors());
        }
        return load;
    }

    private double rawModes(List<String> texts) throws Exception {
        double bestRaw = 0;
        try (CliEncoder cli = encoderOptions.open(false, 32)) {
            System.out.printf("%-44s %s%n", "encoder (in process)", cli.spec().describe());
            for (int batch : new int[] {1, 32}) {
                double rate = rawThroughput(cli.encoder(), texts, batch);
                bestRaw = Math.max(bestRaw, rate);
                System.out.printf("%-44s %12.1f %10s %10s%n", "encoder, in process, batch " + batch, rate, "", "");
            }
        }
        // What the server does with a batch of waiting requests: sort by length, encode in calls of 8.
        try (CliEncoder cli = encoderOptions.open(false, 8)) {
            double rate = rawThroughput(cli.encoder(), texts, 32);
            bestRaw = Math.max(bestRaw, rate);
            System.out.printf("%-44s %12.1f %10s %10s%n", "encoder, 32 texts sorted into calls of 8", rate, "", "");
        }
        return bestRaw;
    }

    private double rawThroughput(SentenceEncoder encoder, List<String> texts, int batch) {
        long deadline = System.nanoTime() + Duration.ofSeconds(Math.max(5, seconds / 2)).toNanos();
        encoder.encode(next(texts, batch * 2)); // warm-up
        long start = System.nanoTime();
        int done = 0;
        while (System.nanoTime() < deadline) {
            encoder.encode(next(texts, batch));
            done += batch;
        }
        return done / ((System.nanoTime() - start) / 1e9);
    }

    /** The next texts, each made unique so that no cache can answer it. */
    private List<String> next(List<String> texts, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int n = unique.incrementAndGet();
            out.add(texts.get(n % texts.size()) + " (ref " + run + "-" + n + ")");
        }
        return out;
    }

    private List<String> texts() throws Exception {
        List<String> texts = new ArrayList<>();
        if (textsFile == null) {
            texts.addAll(SampleTraffic.texts(SampleTraffic.USUAL));
        } else {
            CliFiles.tickets(textsFile).stream().map(TicketRow::text).forEach(texts::add);
            if (texts.isEmpty()) {
                throw new IllegalArgumentException(CommandLineMessages.noTexts(textsFile, "--texts"));
            }
        }
        Collections.shuffle(texts, new Random(42));
        return texts;
    }
}
