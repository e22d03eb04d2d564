package dev.loopwise.alignment.simulation;

import dev.loopwise.ticket.TicketRow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A stand-in for the team's LLM in {@code simulate --drafts}: seeded, offline, and of mixed quality, as a sampled
 * LLM is. Each draft rewrites an agent reply from the training file — of the ticket's intent, or with probability
 * {@code offTopic} of another intent (the LLM misread the ticket) — and for the text-level preferences it is the
 * good or the bad variant of that reply ({@link ReplyVariants#variants}: trimmed or full, without or with a claimed
 * action, with or without the sign-off), each half the time. Drafts are independent draws, so their order is
 * random and the first one is what an LLM without ranking would send.
 *
 * <p>Agent replies are drawn from all of the intent's training replies, not only the library's few, so most drafts
 * are text the reward model never saw: it has to read the property, not remember replies.
 */
final class SimulatedLlm {
    /** A draft and the intent of the agent reply it was written from (the simulation's truth, unknown to the scorer). */
    record Draft(String text, String intent) {
    }

    private final Map<String, List<String>> byIntent = new TreeMap<>();
    private final List<String> intents;
    private final PreferenceKind kind;
    private final double offTopic;

    SimulatedLlm(List<TicketRow> train, PreferenceKind kind, double offTopic) {
        Map<String, LinkedHashSet<String>> distinct = new TreeMap<>();
        train.stream().filter(t -> t.response() != null && !t.response().isBlank())
                .forEach(t -> distinct.computeIfAbsent(t.label(), k -> new LinkedHashSet<>()).add(t.response().strip()));
        distinct.forEach((intent, replies) -> byIntent.put(intent, new ArrayList<>(replies)));
        if (byIntent.isEmpty()) {
            throw new IllegalArgumentException("Simulated drafts need training rows with a 'response' (the agent's reply).");
        }
        this.intents = List.copyOf(byIntent.keySet());
        this.kind = kind;
        this.offTopic = offTopic;
    }

    /** {@code n} drafts for a ticket of this intent. */
    List<Draft> drafts(String intent, int n, Random random) {
        List<Draft> drafts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String source = intent;
            if (!byIntent.containsKey(intent) || (intents.size() > 1 && random.nextDouble() < offTopic)) {
                do {
                    source = intents.get(random.nextInt(intents.size()));
                } while (source.equals(intent) && intents.size() > 1);
            }
            List<String> replies = byIntent.get(source);
            drafts.add(new Draft(variant(replies.get(random.nextInt(replies.size())), random), source));
        }
        return drafts;
    }

    private String variant(String reply, Random random) {
        if (kind == PreferenceKind.VOICE) {
            return reply;
        }
        String[] variants = ReplyVariants.variants(kind, reply, random);
        return variants == null ? reply : variants[random.nextBoolean() ? 0 : 1];
    }
}
