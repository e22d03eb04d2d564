package dev.loopwise.knowledge;

import dev.loopwise.common.CommandLineMessages;
import dev.loopwise.model.Vectors;
import dev.loopwise.model.encoder.CliEncoder;
import dev.loopwise.model.encoder.EncoderCatalogue;
import dev.loopwise.model.encoder.EncoderSpec;
import dev.loopwise.ticket.CliFiles;
import dev.loopwise.ticket.TicketRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loopwise bench-relatedness}: how each encoder scores a ticket against a text on its subject and against one on
 * another subject, and what share of each a similarity cut keeps. The knowledge base's grounding cut per encoder
 * ({@link EncoderCatalogue.Entry#relatedFrom}) comes from this table: a ticket against an agent's reply stands in for a
 * ticket against a help-centre passage. Same subject: same intent; another subject: another category (not a
 * neighbouring intent of the same category, which may share an answer).
 */
@Command(name = "bench-relatedness", description = "Similarity of tickets to replies on their subject and on others, per encoder, "
        + "and what each cut keeps (a labelled file with text, label, response and category columns).")
public class BenchRelatednessCommand implements Callable<Integer> {
    private static final double[] CUTS = {0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7};

    @Option(names = "--data", required = true, description = "Labelled tickets with the agent's response and a category column.")
    Path data;

    @Option(names = "--encoders", split = ",", paramLabel = "NAME|DIR", defaultValue = "all-MiniLM-L6-v2,bge-small-en-v1.5",
            description = "Encoders to measure (default: ${DEFAULT-VALUE}).")
    List<String> encoders;

    @Option(names = "--tickets", defaultValue = "600", description = "Tickets sampled (default: ${DEFAULT-VALUE}).")
    int tickets;

    @Option(names = "--seed", defaultValue = "42", description = "Sampling seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        // A sample of none printed a table of NaN%, and a negative one Java's words about a sublist.
        if (tickets < 1) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--tickets", "1 or more (tickets sampled)", tickets));
        }
        EncoderSpec.requireKnown(encoders, "--encoders");
        List<TicketRow> rows = new ArrayList<>(CliFiles.tickets(data).stream()
                .filter(r -> r.label() != null && r.response() != null && r.metadata().get("category") != null).toList());
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(data + " has no rows with a label, a response and a category.");
        }
        Collections.shuffle(rows, new Random(seed));
        List<TicketRow> sample = rows.subList(0, Math.min(tickets, rows.size()));
        System.out.printf("%d tickets from %s; each against every 7th reply of the sample%n", sample.size(), data);
        for (String name : encoders) {
            try (CliEncoder encoder = CliEncoder.open(name, Optional.empty(), true, 8)) {
                measure(name, encoder, sample);
            }
        }
        return 0;
    }

    private void measure(String name, CliEncoder encoder, List<TicketRow> sample) {
        float[][] asked = encoder.embed(sample.stream().map(TicketRow::text).toList());
        float[][] replies = encoder.embed(sample.stream().map(TicketRow::response).toList());
        List<Double> same = new ArrayList<>();
        List<Double> other = new ArrayList<>();
        for (int i = 0; i < sample.size(); i++) {
            for (int j = 0; j < sample.size(); j += 7) {
                double cosine = Vectors.dot(asked[i], replies[j]);
                if (sample.get(i).label().equals(sample.get(j).label())) {
                    same.add(cosine);
                } else if (!sample.get(i).metadata().get("category").equals(sample.get(j).metadata().get("category"))) {
                    other.add(cosine);
                }
            }
        }
        Collections.sort(same);
        Collections.sort(other);
        System.out.printf("%n%s (cut in use: %.2f)%n", name, EncoderCatalogue.relatedFrom(name));
        System.out.printf("  same subject, %d pairs: p5 %.3f, p25 %.3f, median %.3f%n", same.size(), quantile(same, 0.05),
                quantile(same, 0.25), quantile(same, 0.5));
        System.out.printf("  another subject, %d pairs: median %.3f, p90 %.3f, p99 %.3f%n", other.size(), quantile(other, 0.5),
                quantile(other, 0.9), quantile(other, 0.99));
        double close = KnowledgeFormats.closeFrom(EncoderCatalogue.relatedFrom(name));
        System.out.printf("  close match from %.3f: %.1f%% of same-subject pairs, %.1f%% of others%n", close,
                100 * share(same, close), 100 * share(other, close));
        System.out.printf("  %-6s %-22s %-22s%n", "cut", "same subject kept", "another subject kept");
        for (double cut : CUTS) {
            System.out.printf("  %-6.2f %-22s %-22s%n", cut, String.format("%.1f%%", 100 * share(same, cut)),
                    String.format("%.1f%%", 100 * share(other, cut)));
        }
    }

    private static double quantile(List<Double> sorted, double q) {
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }

    private static double share(List<Double> values, double cut) {
        return values.isEmpty() ? Double.NaN : values.stream().filter(v -> v >= cut).count() / (double) values.size();
    }
}
