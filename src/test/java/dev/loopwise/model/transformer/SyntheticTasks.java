package dev.loopwise.model.transformer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A tiny task a frozen sentence encoder is weak at: who did what to whom. "the customer emailed the courier"
 * and "the courier emailed the customer" hold the same words, so their mean-pooled vectors almost coincide
 * (cosine ≈ 0.97), yet they mean opposite things to a support desk. The label is the customer's role.
 */
public final class SyntheticTasks {
    static final List<String> OTHERS = List.of("courier", "driver", "manager", "seller", "agent", "bank", "supplier",
            "landlord", "neighbour", "technician", "cashier", "florist", "plumber", "tailor", "broker", "lawyer");
    static final List<String> VERBS = List.of("emailed", "called", "paid", "refunded", "thanked", "blamed", "warned",
            "contacted", "visited", "invoiced", "charged", "reminded", "texted", "praised");
    public static final String ACTS = "customer_acts";
    public static final String RECEIVES = "customer_receives";

    public record Rows(List<String> texts, List<String> labels) {
    }

    /** {@code perLabel} rows of each label, from the given share of the noun × verb grid (seeded). */
    public static Rows whoDidWhat(int perLabel, long seed, boolean firstHalfOfGrid) {
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < perLabel; i++) {
            for (String label : List.of(ACTS, RECEIVES)) {
                String other;
                String verb;
                do {
                    other = OTHERS.get(random.nextInt(OTHERS.size()));
                    verb = VERBS.get(random.nextInt(VERBS.size()));
                } while (((OTHERS.indexOf(other) + VERBS.indexOf(verb)) % 2 == 0) != firstHalfOfGrid);
                String customer = random.nextBoolean() ? "customer" : "client";
                texts.add(label.equals(ACTS) ? "the " + customer + " " + verb + " the " + other
                        : "the " + other + " " + verb + " the " + customer);
                labels.add(label);
            }
        }
        return new Rows(texts, labels);
    }
}
