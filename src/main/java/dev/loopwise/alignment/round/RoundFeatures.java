package dev.loopwise.alignment.round;

import dev.loopwise.alignment.policy.PolicyUpdate;
import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.alignment.reward.RewardTrainer;
import dev.loopwise.model.policy.PolicyFeatures;
import dev.loopwise.model.policy.ReplyPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** Texts to vectors, and vectors to the features the reward model and the policy read. */
public final class RoundFeatures {
    private static final int EMBED_BATCH = 2_000;
    private final Map<String, Integer> row = new HashMap<>();
    private final float[][] vectors;
    private final RoundData data;
    private final Map<String, Integer> libraryIndex = new HashMap<>();

    public RoundFeatures(Function<List<String>, float[][]> embed, RoundData data) {
        this.data = data;
        List<String> texts = new ArrayList<>();
        Consumer<String> add = text -> row.computeIfAbsent(text, k -> {
            texts.add(k);
            return texts.size() - 1;
        });
        data.pairs().forEach(p -> { add.accept(p.prompt()); add.accept(p.first()); add.accept(p.second()); });
        data.tickets().forEach(add);
        data.replies().forEach(r -> add.accept(r.text()));
        data.intentTest().forEach(ticket -> add.accept(ticket.text()));
        for (int a = 0; a < data.replies().size(); a++) {
            libraryIndex.putIfAbsent(data.replies().get(a).text(), a);
        }
        // In bounded batches, so that looking vectors up and encoding missing ones never holds more than one batch's work.
        vectors = new float[texts.size()][];
        for (int from = 0; from < texts.size(); from += EMBED_BATCH) {
            float[][] batch = embed.apply(texts.subList(from, Math.min(texts.size(), from + EMBED_BATCH)));
            System.arraycopy(batch, 0, vectors, from, batch.length);
        }
    }

    /** Width of the features the reward model and the policy read. */
    int width() {
        return PolicyFeatures.ticket(vectors[0], "").length;
    }

    float[] ticket(String text) {
        return PolicyFeatures.ticket(vectors[row.get(text)], text);
    }

    float[] reply(String text) {
        return PolicyFeatures.reply(vectors[row.get(text)], text);
    }

    RewardTrainer.Data comparisons(List<PreferencePair> pairs) {
        int n = pairs.size();
        float[][] x = new float[n][];
        float[][] first = new float[n][];
        float[][] second = new float[n][];
        float[] kinds = new float[n];
        float[] margins = new float[n];
        float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            PreferencePair p = pairs.get(i);
            x[i] = ticket(p.prompt());
            first[i] = reply(p.first());
            second[i] = reply(p.second());
            kinds[i] = p.kind().ordinal();
            margins[i] = (float) p.margin();
            weights[i] = (float) p.weight();
        }
        return new RewardTrainer.Data(x, first, second, kinds, margins, weights);
    }

    /** Every known ticket (and every judged prompt), as the policy reads them. */
    PolicyUpdate.Tickets tickets() {
        return tickets(allTickets());
    }

    PolicyUpdate.Tickets tickets(List<String> all) {
        float[][] features = new float[all.size()][];
        float[][] priors = new float[all.size()][];
        List<String> intents = data.replies().stream().map(r -> r.intent()).toList();
        for (int i = 0; i < all.size(); i++) {
            features[i] = ticket(all.get(i));
            priors[i] = PolicyUpdate.toFloat(ReplyPolicy.logPrior(data.active().intent(), vectors[row.get(all.get(i))], intents));
        }
        return new PolicyUpdate.Tickets(features, priors);
    }

    List<String> allTickets() {
        LinkedHashSet<String> all = new LinkedHashSet<>(data.tickets());
        data.pairs().forEach(p -> all.add(p.prompt()));
        return new ArrayList<>(all);
    }

    float[][] replies() {
        return data.replies().stream().map(r -> reply(r.text())).toArray(float[][]::new);
    }

    /** Strict preferences between two library replies, as (ticket row, chosen, rejected). */
    List<PolicyUpdate.LibraryPair> libraryPairs(List<PreferencePair> pairs) {
        List<String> all = allTickets();
        Map<String, Integer> ticketRow = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            ticketRow.put(all.get(i), i);
        }
        List<PolicyUpdate.LibraryPair> out = new ArrayList<>();
        for (PreferencePair p : pairs) {
            Integer chosen = libraryIndex.get(p.first());
            Integer rejected = libraryIndex.get(p.second());
            if (p.kind() == PreferencePair.Kind.PREFERENCE && chosen != null && rejected != null && !chosen.equals(rejected)) {
                out.add(new PolicyUpdate.LibraryPair(ticketRow.get(p.prompt()), chosen, rejected));
            }
        }
        return out;
    }
}
