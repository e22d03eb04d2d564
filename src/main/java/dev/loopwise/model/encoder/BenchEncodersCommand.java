package dev.loopwise.model.encoder;

import dev.loopwise.common.CommandLineMessages;
import dev.loopwise.common.text.Counts;
import dev.loopwise.ticket.CliFiles;
import dev.loopwise.ticket.TicketFile;
import dev.loopwise.ticket.TicketRow;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loopwise bench-encoders}: encoding speed of several encoders on the same texts. They take turns,
 * round after round, so that a machine shared with other work slows them alike and the ratios hold.
 */
@Command(name = "bench-encoders", description = "Encoding speed (texts/s) of several encoders on the same texts, measured in turns.")
public class BenchEncodersCommand implements Callable<Integer> {
    @Option(names = "--encoders", split = ",", paramLabel = "NAME|DIR", defaultValue = "all-MiniLM-L6-v2,all-MiniLM-L6-v2-q,"
            + "bge-small-en-v1.5,bge-small-en-v1.5-q", description = "Encoders to compare (default: ${DEFAULT-VALUE}).")
    List<String> encoders;

    @Option(names = "--texts", description = "CSV or JSONL with a text column (default: the demo's traffic).")
    Path textsFile;

    @Option(names = "--count", defaultValue = "1000", description = "Texts per measurement (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--rounds", defaultValue = "3", description = "Turns of every encoder (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--batch", defaultValue = "32", description = "Texts per ONNX call, after sorting by length (default: ${DEFAULT-VALUE}).")
    int batch;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || rounds < 1 || batch < 1) {
            String option = count < 1 ? "--count" : rounds < 1 ? "--rounds" : "--batch";
            throw new IllegalArgumentException(CommandLineMessages.outOfRange(option, "1 or more", count < 1 ? count : rounds < 1 ? rounds : batch));
        }
        EncoderSpec.requireKnown(encoders, "--encoders");
        List<String> texts = new ArrayList<>();
        if (textsFile == null) {
            // The demo's bundled traffic file, read as data (the demo's code stays out of the product).
            try (Reader reader = new InputStreamReader(
                    Objects.requireNonNull(BenchEncodersCommand.class.getResourceAsStream("/demo/traffic.csv")),
                    StandardCharsets.UTF_8)) {
                TicketFile.read(reader, TicketFile.Format.CSV).rows().stream().map(TicketRow::text).forEach(texts::add);
            }
        } else {
            CliFiles.tickets(textsFile).stream().map(TicketRow::text).forEach(texts::add);
            if (texts.isEmpty()) {
                throw new IllegalArgumentException(CommandLineMessages.noTexts(textsFile, "--texts"));
            }
        }
        Collections.shuffle(texts, new Random(42));
        List<String> sample = texts.subList(0, Math.min(count, texts.size()));
        List<CliEncoder> open = new ArrayList<>();
        try {
            for (String name : encoders) {
                CliEncoder encoder = CliEncoder.open(name, Optional.empty(), false, batch);
                encoder.encoder().encode(sample.subList(0, Math.min(64, sample.size()))); // warm-up
                open.add(encoder);
            }
            double[][] rates = new double[open.size()][rounds];
            for (int r = 0; r < rounds; r++) {
                for (int e = 0; e < open.size(); e++) {
                    long start = System.nanoTime();
                    open.get(e).encoder().encode(sample);
                    rates[e][r] = sample.size() / ((System.nanoTime() - start) / 1e9);
                    System.err.printf("round %d: %s %.0f texts/s%n", r + 1, encoders.get(e), rates[e][r]);
                }
            }
            System.out.printf("%d texts, %.0f characters on average, calls of %d, %s%n", sample.size(),
                    sample.stream().mapToInt(String::length).average().orElse(0), batch, Counts.of(rounds, "round"));
            System.out.printf("%-22s %-40s %10s %10s %10s%n", "encoder", "id", "median/s", "min/s", "max/s");
            for (int e = 0; e < open.size(); e++) {
                double[] sorted = rates[e].clone();
                Arrays.sort(sorted);
                System.out.printf("%-22s %-40s %10.0f %10.0f %10.0f%n", encoders.get(e), open.get(e).id(), sorted[sorted.length / 2],
                        sorted[0], sorted[sorted.length - 1]);
            }
        } finally {
            open.forEach(CliEncoder::close);
        }
        return 0;
    }
}
