package dev.loopwise.alignment.simulation;

import dev.loopwise.common.EvalMessages;
import dev.loopwise.model.registry.training.WorkspaceSnapshot;
import dev.loopwise.ticket.TicketRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A simulated reply library with variation in the property a {@link PreferenceKind} tests. Agents' replies
 * rarely claim actions or sign off (Bitext almost never), so the library is built from pairs of variants of
 * one agent reply that differ only in that property:
 * <ul>
 * <li>{@code concise}: the full reply and a trimmed one (its first sentences, 30–60% of its length, seeded);</li>
 * <li>{@code no_false_action}: the reply without any sentence that claims an action, and the same with one
 * claim (seeded from {@link #CLAIMS}) inserted after its first sentence — early, where the encoder reads it
 * (it truncates long replies);</li>
 * <li>{@code sign_off}: the reply without a trailing sign-off, and the same ending in {@link ReplyText#SIGN_OFF};</li>
 * <li>{@code voice}: today's library, {@code perIntent} agent replies as they are.</li>
 * </ul>
 * Each intent gets {@code perIntent} entries: ⌈perIntent/2⌉ agent replies (shuffled with the seed), each as
 * both variants in a seeded order (one variant, seeded, for the last one when perIntent is odd). Two variants
 * of one reply have almost the same sentence vector, so a reward model cannot tell them apart by
 * memorising replies: it has to read the property.
 */
public final class ReplyVariants {
    /** Claimed actions nobody took: in the simulation no reply is ever backed by an action. No slots, so slot features stay unchanged. */
    static final List<String> CLAIMS = List.of(
            "I've cancelled your order for you.",
            "Your refund has been processed.",
            "I've updated your account details.",
            "We have issued a full refund to your card.",
            "I've changed the delivery address on your order.",
            "Your replacement has been dispatched today.",
            "I have reset your password.",
            "We've applied a discount to your account.");

    private ReplyVariants() {
    }

    /** The library for this kind; for {@code voice} exactly {@link Simulator#library} (same replies, same random draws). */
    public static List<WorkspaceSnapshot.ReplyInfo> library(List<TicketRow> train, int perIntent, PreferenceKind kind, Random random) {
        if (kind == PreferenceKind.VOICE) {
            return Simulator.library(train, perIntent, random);
        }
        Map<String, List<String>> byIntent = new TreeMap<>();
        train.stream().filter(t -> t.response() != null)
                .forEach(t -> byIntent.computeIfAbsent(t.label(), k -> new ArrayList<>()).add(t.response()));
        List<WorkspaceSnapshot.ReplyInfo> library = new ArrayList<>();
        long id = 1;
        for (var entry : byIntent.entrySet()) {
            List<String> replies = new ArrayList<>(new LinkedHashSet<>(entry.getValue()));
            Collections.shuffle(replies, random);
            Set<String> chosen = new LinkedHashSet<>();
            for (String reply : replies) {
                int room = perIntent - chosen.size();
                if (room <= 0) {
                    break;
                }
                String[] pair = variants(kind, reply, random);
                if (pair == null || chosen.contains(pair[0]) || chosen.contains(pair[1])) {
                    continue;
                }
                boolean goodFirst = random.nextBoolean();
                chosen.add(pair[goodFirst ? 0 : 1]);
                if (room >= 2) {
                    chosen.add(pair[goodFirst ? 1 : 0]);
                }
            }
            for (String text : chosen) {
                library.add(new WorkspaceSnapshot.ReplyInfo(id++, entry.getKey(), text));
            }
        }
        if (library.isEmpty()) {
            // An empty library would fail later as an index out of bounds in the policy, which says nothing about the file.
            throw new IllegalArgumentException(EvalMessages.noReplyVariants(kind.label()));
        }
        return library;
    }

    /** {good, bad} variants of one agent reply for this kind, or null when the reply cannot show the difference. */
    static String[] variants(PreferenceKind kind, String reply, Random random) {
        String text = reply.strip();
        return switch (kind) {
            case CONCISE -> {
                String trimmed = trimmed(text, 0.3 + 0.3 * random.nextDouble());
                yield trimmed == null ? null : new String[] {trimmed, text};
            }
            case NO_FALSE_ACTION -> {
                String clean = ReplyText.withoutClaims(text);
                String claim = CLAIMS.get(random.nextInt(CLAIMS.size()));
                yield clean.isBlank() ? null : new String[] {clean, withClaim(clean, claim)};
            }
            case SIGN_OFF -> {
                String plain = ReplyText.withoutSignOff(text);
                yield plain.isBlank() ? null : new String[] {plain + "\n\n" + ReplyText.SIGN_OFF, plain};
            }
            case VOICE -> throw new IllegalArgumentException("voice replies have no variants");
        };
    }

    /** The first sentences, until {@code share} of the characters; null when that would be the whole reply. */
    static String trimmed(String text, double share) {
        List<String> sentences = ReplyText.sentences(text);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sentences.size() - 1; i++) {
            out.append(sentences.get(i));
            if (out.length() >= share * text.length()) {
                return out.toString().strip();
            }
        }
        return null;
    }

    /** The claim as the second sentence (after a greeting or the opening sentence), so the encoder's 128 tokens include it. */
    static String withClaim(String text, String claim) {
        List<String> sentences = ReplyText.sentences(text);
        if (sentences.size() < 2) {
            return text + " " + claim;
        }
        String first = sentences.get(0);
        String rest = text.substring(first.length());
        return first + (Character.isWhitespace(first.charAt(first.length() - 1)) ? "" : " ") + claim + " " + rest;
    }
}
