package dev.loopwise.ticket;

import dev.loopwise.common.text.Counts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The Intents page's next step, from the intents as they stand: which have no reply (their customers are handed to a
 * person), which have too few labelled tickets to be learned well, and which the model can know only by a description
 * that is missing; with none of these, train. The names are listed so the lead knows where to start.
 *
 * @param enough labelled tickets per intent from which a version learns it from its tickets rather than its few examples
 * @param none   the workspace has no intents yet
 * @param tickets labelled tickets by intent id, and {@code replies} active replies by intent id, which each row shows
 * @param unlabelled tickets waiting for a label, which Tickets lists to label: without any, more labelled tickets come
 *                   from Import only
 */
public record IntentsNextStep(List<String> withoutReply, List<String> fewTickets, List<String> undescribed, int enough, boolean none,
                              Map<Long, Long> tickets, Map<Long, Long> replies, long unlabelled) {
    /** {@code tickets} and {@code replies}: labelled tickets and active replies by intent id; none waits for a label. */
    static IntentsNextStep of(List<Intent> intents, Map<Long, Long> tickets, Map<Long, Long> replies, int enough) {
        return of(intents, tickets, replies, enough, 0);
    }

    /** {@code unlabelled}: the tickets waiting for a label. */
    static IntentsNextStep of(List<Intent> intents, Map<Long, Long> tickets, Map<Long, Long> replies, int enough, long unlabelled) {
        List<String> withoutReply = intents.stream().filter(i -> !Intent.OUT_OF_SCOPE.equals(i.name) && replies.getOrDefault(i.id, 0L) == 0)
                .map(i -> i.name).toList();
        List<String> few = intents.stream().filter(i -> tickets.getOrDefault(i.id, 0L) < enough)
                .map(i -> i.name + " (" + tickets.getOrDefault(i.id, 0L) + ")").toList();
        List<String> undescribed = intents.stream().filter(i -> tickets.getOrDefault(i.id, 0L) == 0
                && (i.description == null || i.description.isBlank())).map(i -> i.name).toList();
        return new IntentsNextStep(withoutReply, few, undescribed, enough, intents.isEmpty(), tickets, replies, unlabelled);
    }

    /** Tickets has some to label: an empty list of unlabelled tickets would be a dead end, so the step names Import only. */
    public boolean labelOnTickets() {
        return unlabelled > 0;
    }

    /** Ready to train: a workspace without intents has nothing to learn yet, so it is not. */
    public boolean allSet() {
        return !none && withoutReply.isEmpty() && fewTickets.isEmpty() && undescribed.isEmpty();
    }

    /**
     * What an intent has, under its row: the next step names only the intents that lack something, and a lead editing one
     * description should not have to look the figures up on the Overview. The out-of-scope intent needs no reply.
     */
    public String countsOf(IntentFormRow row) {
        String labelled = Counts.of(tickets.getOrDefault(row.id(), 0L), "labelled ticket");
        return ImportFormats.outOfScope(row) ? labelled
                : labelled + ", " + Counts.of(replies.getOrDefault(row.id(), 0L), "reply|replies");
    }

    /** The first intent without a reply, as the Replies link names it: that page opens with it chosen. */
    public String firstWithoutReplyInLink() {
        return withoutReply.isEmpty() ? "" : URLEncoder.encode(withoutReply.get(0), StandardCharsets.UTF_8);
    }

    public String withoutReplyText() {
        boolean one = withoutReply.size() == 1;
        return listed(withoutReply) + (one ? " has no reply, so its customers are" : " have no reply, so their customers are")
                + " handed to a person: write " + (one ? "one" : "one for each") + " on";
    }

    public String fewTicketsText() {
        // Overview and Models ask for the fewest a new version learns an intent from: say both figures, or a lead who
        // labelled that many reads "too few" here as a contradiction.
        int least = Intent.TICKETS_PER_NEW_INTENT;
        return listed(fewTickets) + (fewTickets.size() == 1 ? " has" : " have") + " fewer than " + enough
                + " labelled tickets (the count in brackets), too few for the model to learn " + (fewTickets.size() == 1 ? "it" : "them")
                + " well" + (least < enough ? " (a new version learns an intent from " + least + ", and well from " + enough + ")" : "")
                + (labelOnTickets() ? ": label more on" : ": import labelled tickets of " + (fewTickets.size() == 1 ? "it" : "them") + " on");
    }

    public String undescribedText() {
        return "Describe " + listed(undescribed) + " below: without labelled tickets the model knows "
                + (undescribed.size() == 1 ? "it" : "them") + " by the description alone.";
    }

    private static String listed(List<String> names) {
        return names.size() <= 5 ? String.join(", ", names) : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    }
}
