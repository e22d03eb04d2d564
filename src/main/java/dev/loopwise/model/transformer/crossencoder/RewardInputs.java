package dev.loopwise.model.transformer.crossencoder;

import dev.loopwise.model.MiniBatches;
import dev.loopwise.model.transformer.TokenizedTexts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/** Distinct ticket–reply inputs, each tokenized and encoded once however many judgements share it. */
final class RewardInputs {
    final List<String> tickets = new ArrayList<>();
    final List<String> replies = new ArrayList<>();
    private final Map<List<String>, Integer> index = new HashMap<>();

    /** {rows of the first replies, rows of the second replies}. */
    int[][] add(RewardPairs pairs) {
        int[][] rows = new int[2][pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            rows[0][i] = row(pairs.tickets().get(i), pairs.first().get(i));
            rows[1][i] = row(pairs.tickets().get(i), pairs.second().get(i));
        }
        return rows;
    }

    private int row(String ticket, String reply) {
        return index.computeIfAbsent(List.of(ticket, reply), k -> {
            tickets.add(ticket);
            replies.add(reply);
            return tickets.size() - 1;
        });
    }

    /** Judgements shuffled, pooled, sorted by their longer input within a pool, cut, and the batches shuffled. */
    static List<int[]> batches(TokenizedTexts texts, int[][] rows, int batchSize, Random random) {
        int[] order = IntStream.range(0, rows[0].length).toArray();
        MiniBatches.shuffle(order, random);
        List<int[]> out = new ArrayList<>();
        int pool = batchSize * 50;
        for (int from = 0; from < order.length; from += pool) {
            int[] chunk = Arrays.stream(Arrays.copyOfRange(order, from, Math.min(order.length, from + pool)))
                    .boxed().sorted(Comparator.comparingInt(
                            p -> Math.max(texts.length(rows[0][p]), texts.length(rows[1][p]))))
                    .mapToInt(Integer::intValue).toArray();
            for (int at = 0; at < chunk.length; at += batchSize) {
                out.add(Arrays.copyOfRange(chunk, at, Math.min(chunk.length, at + batchSize)));
            }
        }
        Collections.shuffle(out, random);
        return out;
    }
}
