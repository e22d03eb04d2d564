package dev.loopwise.model.registry.training;

import dev.loopwise.ticket.HeldOutRows;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The workspace as a training run sees it, read once so that training never touches the database. */
public record WorkspaceSnapshot(List<IntentInfo> intents, List<TicketInfo> tickets, List<ReplyInfo> replies) {
    public record IntentInfo(String name, String description) {
        /** What the zero-shot classifier embeds for an intent: its name as words and its description. */
        public String asText() {
            String words = name.replace('_', ' ').replace('-', ' ');
            return description == null || description.isBlank() ? words : words + ": " + description;
        }
    }

    /** @param split "train", "test" or null (treated as train) */
    public record TicketInfo(long id, String text, String intent, String response, String split) {
        public boolean heldOut() {
            return "test".equals(split);
        }
    }

    public record ReplyInfo(long id, String intent, String text) {
    }

    /** The tickets a training learns from and the ones it is measured on. */
    public record Split(List<TicketInfo> train, List<TicketInfo> test, int seen) {
        public Split(List<TicketInfo> train, List<TicketInfo> test) {
            this(train, test, 0);
        }
    }

    /**
     * Held-out tickets are measured on, except those of an intent with fewer than {@code minTrain} tickets to learn from:
     * those are learned from instead. An intent whose few tickets all fell on the held-out side (one in five does, by
     * its text) could not be recognised at all, and its held-out figure would only say so. A held-out ticket in the words
     * of one learned from, case and spacing aside ({@link HeldOutRows#key}), is learned from too and counted ({@code seen}):
     * its text and its twin's differ, so the split, by text, can put them on two sides, and a model scored on it would be
     * scored on memory.
     */
    public static Split split(List<TicketInfo> labelled, int minTrain) {
        Map<String, Long> trainPerIntent = labelled.stream().filter(t -> !t.heldOut())
                .collect(Collectors.groupingBy(TicketInfo::intent, Collectors.counting()));
        Predicate<TicketInfo> heldOut = t -> t.heldOut() && trainPerIntent.getOrDefault(t.intent(), 0L) >= minTrain;
        Set<String> learned = labelled.stream().filter(heldOut.negate()).map(t -> HeldOutRows.key(t.text()))
                .collect(Collectors.toSet());
        Predicate<TicketInfo> measured = heldOut.and(t -> !learned.contains(HeldOutRows.key(t.text())));
        List<TicketInfo> test = labelled.stream().filter(measured).toList();
        return new Split(labelled.stream().filter(measured.negate()).toList(), test, (int) labelled.stream().filter(heldOut).count() - test.size());
    }
}
