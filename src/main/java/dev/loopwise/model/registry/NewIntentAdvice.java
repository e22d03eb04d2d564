package dev.loopwise.model.registry;

import dev.loopwise.model.registry.training.ModelTrainer;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.Reply;
import dev.loopwise.ticket.Ticket;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the intents labelled since a version was trained need before a training can teach them, decided once so that
 * Models, the Overview and Try a ticket never disagree: an intent with too few labelled tickets is learned from too
 * little (label more first); one without a reply in the library would be learned with nothing to answer (write one
 * first); otherwise a training teaches them. {@code unknown}: the intents the version never learned, the out-of-scope
 * label aside; {@code thin}: those with fewer than {@link ModelTrainer#TICKETS_PER_NEW_INTENT} labelled tickets;
 * {@code unreplied}: those with enough tickets but no reply.
 */
public record NewIntentAdvice(List<String> unknown, List<String> thin, List<String> unreplied) {
    /** The step the new intents wait for, the first that applies. */
    public enum Step { LABEL_MORE, WRITE_REPLY, TRAIN }

    /**
     * {@code labelled}: labelled tickets by intent name; {@code withoutReply}: the intents with no active reply in the
     * library. A version stored before versions kept the list of what they learned has nothing to say.
     */
    public static NewIntentAdvice of(ModelVersion version, Map<String, Long> labelled, Collection<String> withoutReply) {
        List<String> learned = version.learnedIntents();
        List<String> unknown = learned.isEmpty() ? List.of() : labelled.entrySet().stream()
                .filter(e -> e.getValue() > 0 && !learned.contains(e.getKey()) && !e.getKey().equals(ModelTrainer.OUT_OF_SCOPE_LABEL))
                .map(Map.Entry::getKey).toList();
        List<String> thin = unknown.stream().filter(name -> labelled.get(name) < ModelTrainer.TICKETS_PER_NEW_INTENT).toList();
        List<String> unreplied = unknown.stream().filter(name -> !thin.contains(name) && withoutReply.contains(name)).toList();
        return new NewIntentAdvice(unknown, thin, unreplied);
    }

    /** As {@link #of(ModelVersion, Map, Collection)}, reading the labelled tickets and the library now. */
    public static NewIntentAdvice now(ModelVersion version) {
        return of(version, labelledByName(), intentsWithoutReply());
    }

    public Step step() {
        return !thin.isEmpty() ? Step.LABEL_MORE : !unreplied.isEmpty() ? Step.WRITE_REPLY : Step.TRAIN;
    }

    /** Labelled tickets by intent name, every intent listed in name order (0 for one without any). */
    public static Map<String, Long> labelledByName() {
        Map<Long, Long> counts = Ticket.countsByIntent();
        Map<String, Long> byName = new LinkedHashMap<>();
        Intent.listByName().forEach(i -> byName.put(i.name, counts.getOrDefault(i.id, 0L)));
        return byName;
    }

    /** The intents, the out-of-scope label aside, with no active reply in the library, in name order. */
    @SuppressWarnings("unchecked")
    public static List<String> intentsWithoutReply() {
        return Reply.getEntityManager().createNativeQuery("select i.name from intents i where i.name <> ?1 and not exists (select 1"
                        + " from replies r where r.intent_id = i.id and r.status = ?2) order by i.name")
                .setParameter(1, ModelTrainer.OUT_OF_SCOPE_LABEL).setParameter(2, Reply.ACTIVE).getResultList();
    }
}
