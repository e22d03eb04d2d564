package dev.loopwise.model.transformer.crossencoder;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.loopwise.model.transformer.TokenizedTexts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ticket and reply as one cross-encoder input, {@code [CLS] ticket [SEP] reply [SEP]}, token type 0 for the
 * first segment and 1 for the second (the layout the tokenizer's own pair template gives, read from it, so
 * BERT-family vocabularies other than MiniLM's work too).
 *
 * <p>Truncation to {@code maxTokens}: the ticket keeps at most half of the room (its head); the reply gets the
 * rest and, when too long, keeps its first two thirds and its last third ("head + tail", Sun et al. 2019, How
 * to fine-tune BERT for text classification). Why not the tokenizer's own longest-first truncation: it cuts a
 * reply's end, and what reviewers judge is often there (a sign-off, a closing promise), while the short
 * cross-encoder input is what keeps training within minutes.
 */
final class PairTokens {
    private final HuggingFaceTokenizer tokenizer;
    private final int maxTokens;
    private final long[] prefix;
    private final long[] middle;
    private final long[] suffix;
    private final long secondType;

    private PairTokens(HuggingFaceTokenizer tokenizer, int maxTokens, long[] prefix, long[] middle, long[] suffix,
                       long secondType) {
        this.tokenizer = tokenizer;
        this.maxTokens = maxTokens;
        this.prefix = prefix;
        this.middle = middle;
        this.suffix = suffix;
        this.secondType = secondType;
    }

    /** Tokenizes every (ticket, reply) pair once; rows are in the order given. */
    static TokenizedTexts tokenize(Path tokenizerJson, int maxTokens, List<String> tickets, List<String> replies) {
        if (tickets.size() != replies.size()) {
            throw new IllegalArgumentException("Every ticket needs exactly one reply");
        }
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder().optTokenizerPath(tokenizerJson)
                .optTruncation(false).optPadding(false).build()) {
            PairTokens pairs = of(tokenizer, maxTokens);
            long[][] ticketIds = pairs.pieces(tickets);
            long[][] replyIds = pairs.pieces(replies);
            long[][] ids = new long[tickets.size()][];
            long[][] types = new long[tickets.size()][];
            for (int i = 0; i < ids.length; i++) {
                pairs.assemble(ticketIds[i], replyIds[i], ids, types, i);
            }
            return TokenizedTexts.of(ids, types);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load the tokenizer " + tokenizerJson, e);
        }
    }

    /** Reads the special tokens around the two segments from the tokenizer's pair template. */
    private static PairTokens of(HuggingFaceTokenizer tokenizer, int maxTokens) {
        Encoding a = tokenizer.encode("a", "b", true, false);
        Encoding bare = tokenizer.encode("a", "b", false, false);
        long[] ids = a.getIds();
        long[] types = a.getTypeIds();
        long first = bare.getIds()[0];
        long second = bare.getIds()[bare.getIds().length - 1];
        int at = indexOf(ids, first, 0);
        int bt = indexOf(ids, second, at + 1);
        if (bare.getIds().length != 2 || at < 0 || bt < 0) {
            throw new IllegalArgumentException("The tokenizer has no pair template of the [CLS] A [SEP] B [SEP] kind");
        }
        PairTokens pairs = new PairTokens(tokenizer, maxTokens, Arrays.copyOfRange(ids, 0, at),
                Arrays.copyOfRange(ids, at + 1, bt), Arrays.copyOfRange(ids, bt + 1, ids.length), types[bt]);
        if (pairs.specials() + 2 > maxTokens) {
            throw new IllegalArgumentException(maxTokens + " tokens leave no room for ticket and reply");
        }
        return pairs;
    }

    private static int indexOf(long[] values, long value, int from) {
        for (int i = from; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private int specials() {
        return prefix.length + middle.length + suffix.length;
    }

    private long[][] pieces(List<String> texts) {
        long[][] out = new long[texts.size()][];
        for (int from = 0; from < texts.size(); from += 1024) {
            int to = Math.min(texts.size(), from + 1024);
            Encoding[] encodings = tokenizer.batchEncode(new ArrayList<>(texts.subList(from, to)), false, false);
            for (int i = 0; i < encodings.length; i++) {
                out[from + i] = encodings[i].getIds();
            }
        }
        return out;
    }

    private void assemble(long[] ticket, long[] reply, long[][] ids, long[][] types, int row) {
        int room = maxTokens - specials();
        int ticketLength = Math.min(ticket.length, Math.max(room / 2, room - reply.length));
        long[] kept = reply.length <= room - ticketLength ? reply : headAndTail(reply, room - ticketLength);
        int length = specials() + ticketLength + kept.length;
        long[] out = new long[length];
        long[] type = new long[length];
        int at = 0;
        System.arraycopy(prefix, 0, out, at, prefix.length);
        at += prefix.length;
        System.arraycopy(ticket, 0, out, at, ticketLength);
        at += ticketLength;
        System.arraycopy(middle, 0, out, at, middle.length);
        at += middle.length;
        int secondFrom = at;
        System.arraycopy(kept, 0, out, at, kept.length);
        at += kept.length;
        System.arraycopy(suffix, 0, out, at, suffix.length);
        Arrays.fill(type, secondFrom, length, secondType);
        ids[row] = out;
        types[row] = type;
    }

    static long[] headAndTail(long[] tokens, int keep) {
        int tail = keep / 3;
        int head = keep - tail;
        long[] out = new long[keep];
        System.arraycopy(tokens, 0, out, 0, head);
        System.arraycopy(tokens, tokens.length - tail, out, head, tail);
        return out;
    }
}
