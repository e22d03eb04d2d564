package dev.loopwise.review.queue;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.Messages;
import dev.loopwise.common.job.AdvisoryLock;
import dev.loopwise.common.runtime.ApplicationStopping;
import dev.loopwise.model.Vectors;
import dev.loopwise.model.encoder.EmbeddingStore;
import dev.loopwise.model.intent.IntentPrediction;
import dev.loopwise.model.registry.version.ModelRegistry;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.model.registry.version.ServingModel;
import dev.loopwise.review.item.ReviewConfig;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.ticket.SlotFiller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * Makes review items: tickets from served traffic and imported unlabelled tickets (a configurable mix;
 * once a round has trained a reward model, those it is least sure about), each with two candidates from the active policy — its top two, its first choice against a sample at a
 * temperature, or its choice against a candidate version's when one is under review.
 */
@ApplicationScoped
public class ReviewItemGenerator {
    private static final Logger LOG = Logger.getLogger(ReviewItemGenerator.class);
    /** With a reward model, this many times the wanted tickets are drawn and the least certain kept. */
    static final int UNCERTAINTY_POOL = 3;
    /** pg_advisory_xact_lock key of review-item writes ("RvwItems" in ASCII): refills at the same moment take turns. */
    static final long INSERT_LOCK = 0x5276774974656d73L;

    @Inject
    ModelRegistry registry;
    @Inject
    EmbeddingStore embeddings;
    @Inject
    ReviewConfig config;
    @Inject
    EntityManager em;

    @Inject
    ReviewSources unreviewed;
    @Inject
    DraftReviewItems draftItems;
    @Inject
    ApplicationStopping stopping;

    record Source(String text, String hash, String kind, String id) {
    }

    /** One item as it will be inserted. */
    private record Draft(Source source, IntentPrediction intent, ServingModel.Candidate one, ServingModel.Candidate two, String strategy,
                         int modelVersion, Integer versusVersion, boolean overlap) {
    }

    /*
     * Texts are encoded before any transaction opens and items are written afterwards in a short one: encoding
     * can take seconds, and nothing may hold a lock or a pooled connection that long. Two refills at once
     * pick the same tickets: their writes take turns, and the second passes over a ticket the first gave an item.
     */

    /** Makes items for those of these served requests (texts, hashes) without one yet, e.g. the ones drift monitoring singled out. */
    public int fromRequests(List<String> texts, List<String> hashes) {
        Optional<ServingModel> active = registry.current();
        if (active.isEmpty() || texts.isEmpty()) {
            return 0;
        }
        float[][] vectors = embeddings.embed(active.get().encoder(), texts);
        Random random = new Random();
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            draft(new Source(texts.get(i), hashes.get(i), "request", null), vectors[i], active.get(), Optional.empty(), null, random)
                    .ifPresent(drafts::add);
        }
        return QuarkusTransaction.requiringNew().call(() -> insert(drafts));
    }

    /**
     * Makes up to {@code count} new items however many wait already (an admin asked for them): how many it made and,
     * when fewer, why. Any failure, an Error included, is logged and answered with 503: the caller's request fails,
     * nothing half-made stays.
     */
    public Refill refill(int count) {
        return refill(count, Integer.MAX_VALUE);
    }

    /** Makes up to {@code count} new items unless {@code enough} items wait for a reviewer already (then none). */
    public Refill refill(int count, int enough) {
        return refill(count, () -> enough != Integer.MAX_VALUE && ReviewItem.countWaiting() >= enough);
    }

    /**
     * Makes up to {@code count} new items unless {@code enough} wait that this reviewer could take: items they answered
     * already wait for the others, and must not keep them from work.
     */
    public Refill refillFor(long reviewerId, int count, int enough) {
        return refill(count, () -> ReviewItem.countWaitingFor(reviewerId) >= enough);
    }

    private Refill refill(int count, BooleanSupplier queueFull) {
        try {
            // Answers with LLM drafts first (a share of the wanted items), then the policy's pairs for the rest.
            int drafted = QuarkusTransaction.requiringNew().call(() -> queueFull.getAsBoolean() ? -1
                    : draftItems.insert((int) Math.ceil(count * Math.min(1.0, config.draftShare()))));
            if (drafted < 0) {
                return Refill.of(0, count, Refill.Shortfall.QUEUE_FULL);
            }
            if (drafted >= count) {
                return Refill.of(drafted, count, Refill.Shortfall.NONE);
            }
            Refill rest = make(count - drafted, queueFull);
            return Refill.of(drafted + rest.made(), count, rest.shortfall());
        } catch (ApiException e) {
            throw e;
        } catch (Throwable e) {
            if (stopping.now()) {
                // The persistence unit closed under a refill that was under way: no fault, and no one waits for it.
                LOG.infof("Stopped making review items: the service is shutting down (%s)", e.getMessage());
            } else {
                LOG.error("Could not make review items", e);
            }
            throw new ApiException(Response.Status.SERVICE_UNAVAILABLE, "review_items_failed", Messages.REVIEW_ITEMS_FAILED,
                    ApiException.A_MOMENT_SECONDS).retryable(true);
        }
    }

    private Refill make(int count, BooleanSupplier queueFull) {
        Optional<ServingModel> active = registry.current();
        if (active.isEmpty()) {
            return Refill.of(0, count, Refill.Shortfall.NO_VERSION);
        }
        ServingModel model = active.get();
        if (model.candidates().size() < 2) {
            return Refill.of(0, count, Refill.Shortfall.TOO_FEW_REPLIES);
        }
        boolean ranked = model.bundle().reward() != null;
        record Picked(List<Source> sources, Integer versusVersion) {
        }
        Picked picked = QuarkusTransaction.requiringNew().call(() -> queueFull.getAsBoolean() ? null
                : new Picked(unreviewed.pick(ranked ? count * UNCERTAINTY_POOL : count), ModelVersion.findUnderReview().map(v -> v.version).orElse(null)));
        if (picked == null) {
            return Refill.of(0, count, Refill.Shortfall.QUEUE_FULL);
        }
        List<Source> sources = picked.sources();
        if (sources.isEmpty()) {
            boolean noneEver = QuarkusTransaction.requiringNew().call(() -> !ReviewItem.anyEver());
            return Refill.of(0, count, noneEver ? Refill.Shortfall.NO_TICKETS : Refill.Shortfall.NOTHING_LEFT);
        }
        Optional<ServingModel> versus = Optional.ofNullable(picked.versusVersion()).map(registry::load);
        float[][] all = embeddings.embed(model.encoder(), sources.stream().map(Source::text).toList());
        float[][] vectors = all;
        if (ranked) {
            int[] keep = PolicyPairs.leastSure(model, sources.stream().map(Source::text).toList(), all, count);
            sources = Arrays.stream(keep).mapToObj(sources::get).toList();
            vectors = Arrays.stream(keep).mapToObj(i -> all[i]).toArray(float[][]::new);
        }
        // A candidate trained on another encoder reads that encoder's vectors, never the active version's.
        List<String> texts = sources.stream().map(Source::text).toList();
        float[][] versusVectors = versus.isEmpty() ? null
                : versus.get().encoder().equals(model.encoder()) ? vectors : embeddings.embed(versus.get().encoder(), texts);
        Random random = new Random();
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            draft(sources.get(i), vectors[i], model, versus, versusVectors == null ? null : versusVectors[i], random).ifPresent(drafts::add);
        }
        int made = QuarkusTransaction.requiringNew().call(() -> queueFull.getAsBoolean() ? -1 : insert(drafts));
        if (made < 0) {
            return Refill.of(0, count, Refill.Shortfall.QUEUE_FULL);
        }
        // Fewer tickets than wanted: nothing else was within reach; as many but fewer inserted: another refill took them.
        return Refill.of(made, count, sources.size() < count ? Refill.Shortfall.NOTHING_LEFT : Refill.Shortfall.TAKEN_MEANWHILE);
    }

    private Optional<Draft> draft(Source source, float[] x, ServingModel model, Optional<ServingModel> versus, float[] versusX,
                                  Random random) {
        if (model.candidates().size() < 2) {
            return Optional.empty();
        }
        IntentPrediction intent = model.bundle().intent().predict(x);
        double[] pi = model.replyDistribution(x, source.text(), intent);
        Integer[] ranked = IntStream.range(0, pi.length).boxed().sorted(Comparator.comparingDouble(a -> -pi[a])).toArray(Integer[]::new);
        int first = ranked[0];
        int second = ranked[1];
        String strategy = "top2";
        Integer versusVersion = null;
        if (versus.isPresent()) {
            ServingModel other = versus.get();
            double[] otherPi = other.replyDistribution(versusX, source.text(), other.bundle().intent().predict(versusX));
            long otherChoice = other.candidates().get(Vectors.argmax(otherPi)).replyId();
            int index = PolicyPairs.indexOf(model, otherChoice);
            if (index >= 0 && index != first) {
                second = index;
                strategy = "versus";
                versusVersion = other.version();
            }
        } else if (random.nextDouble() < config.sampleShare()) {
            second = PolicyPairs.sample(pi, first, config.sampleTemperature(), random);
            strategy = "sample";
        }
        return Optional.of(new Draft(source, intent, model.candidates().get(first), model.candidates().get(second), strategy, model.version(),
                versusVersion, random.nextDouble() < config.overlapShare()));
    }

    /**
     * Inserts the drafts of tickets that have no item yet. Two writers at once (two instances, an admin's refill beside
     * the job's, a drift action) picked their tickets before either wrote, and the unique key cannot stop two different
     * pairs for one ticket: the lock makes their writes take turns, so the check for an item sees what the other wrote.
     */
    private int insert(List<Draft> drafts) {
        AdvisoryLock.forTransaction(em, INSERT_LOCK);
        int made = 0;
        for (Draft d : drafts) {
            if (hasItem(d.source().hash())) {
                continue; // another writer, or an earlier draft of the same text, gave this ticket its item
            }
            made += em.createNativeQuery("""
                    insert into review_items (ticket_text, ticket_hash, source, source_id, predicted_intent, reply1_id, reply2_id,
                        reply1_text, reply2_text, strategy, model_version, versus_version, kind, required_judgements)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) on conflict do nothing""")
                    .setParameter(1, d.source().text()).setParameter(2, d.source().hash()).setParameter(3, d.source().kind())
                    .setParameter(4, d.source().id()).setParameter(5, d.intent().outOfScope() ? null : d.intent().label())
                    .setParameter(6, d.one().replyId()).setParameter(7, d.two().replyId())
                    .setParameter(8, SlotFiller.fill(d.one().text(), d.source().text()).text())
                    .setParameter(9, SlotFiller.fill(d.two().text(), d.source().text()).text())
                    .setParameter(10, d.strategy()).setParameter(11, d.modelVersion()).setParameter(12, d.versusVersion())
                    .setParameter(13, d.overlap() ? ReviewItem.OVERLAP : ReviewItem.REGULAR)
                    .setParameter(14, d.overlap() ? config.overlapJudgements() : config.judgementsPerItem())
                    .executeUpdate();
        }
        return made;
    }

    private boolean hasItem(String ticketHash) {
        return (Boolean) em.createNativeQuery("select exists (select 1 from review_items where ticket_hash = ?1)")
                .setParameter(1, ticketHash).getSingleResult();
    }
}
