package dev.loopwise.review.queue;

import dev.loopwise.privacy.ReviewerPrivacy;
import dev.loopwise.review.item.ReviewConfig;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.review.item.ReviewView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Leases of review items: which item a reviewer gets next and for how long it is theirs. An item is leased only
 * while its stored judgements plus others' live leases stay below the number it needs, never to a reviewer who
 * judged it, and with its two replies in a random order that the lease remembers.
 */
@ApplicationScoped
public class ReviewLeases {
    @Inject
    EntityManager em;
    @Inject
    ReviewerPrivacy privacy;
    @Inject
    ReviewConfig config;

    @Transactional
    public Optional<ReviewView> lease(long reviewerId) {
        // The newest lease first: after an undo the item taken back comes before the one that was on screen,
        // which returns next, as it would have.
        Optional<Object[]> held = single(em.createNativeQuery("""
                select l.item_id, l.swapped from review_leases l join review_items i on i.id = l.item_id
                where l.reviewer_id = ?1 and l.expires_at > now() and i.status = 'open'
                  and not exists (select 1 from judgements j where j.item_id = i.id and j.reviewer_id = ?1)
                order by l.leased_at desc, l.item_id desc limit 1""").setParameter(1, reviewerId).getResultList());
        if (held.isPresent()) {
            return Optional.of(view(((Number) held.get()[0]).longValue(), (Boolean) held.get()[1], reviewerId));
        }
        boolean goldFirst = ThreadLocalRandom.current().nextDouble() < config.goldShare();
        List<Long> passed = new ArrayList<>(List.of(-1L));
        Optional<Long> itemId = Optional.empty();
        for (int attempt = 0; attempt < 5 && itemId.isEmpty(); attempt++) {
            Optional<Long> candidate = available(reviewerId, goldFirst, passed).or(() -> available(reviewerId, !goldFirst, passed));
            if (candidate.isEmpty()) {
                return Optional.empty();
            }
            // The search ran on a snapshot taken before the row lock; a lease committed in between is
            // visible only to a new statement, so look again now that nobody else can take the item.
            if (roomFor(candidate.get(), reviewerId)) {
                itemId = candidate;
            } else {
                passed.add(candidate.get());
            }
        }
        if (itemId.isEmpty()) {
            return Optional.empty();
        }
        boolean swapped = ThreadLocalRandom.current().nextBoolean();
        return Optional.of(grant(itemId.get(), reviewerId, swapped));
    }

    /** An open item with room for another reviewer that this one has not judged, locked so no one else takes it now. */
    private Optional<Long> available(long reviewerId, boolean gold, List<Long> passed) {
        List<?> rows = em.createNativeQuery("""
                select i.id from review_items i
                where i.status = 'open' and (i.kind = 'gold') = ?2 and i.id <> all(?3)
                  and not exists (select 1 from judgements j where j.item_id = i.id and j.reviewer_id = ?1)
                  and i.judgements + (select count(*) from review_leases l where l.item_id = i.id
                                      and l.reviewer_id <> ?1 and l.expires_at > now()) < i.required_judgements
                order by i.id limit 1 for update of i skip locked""")
                .setParameter(1, reviewerId).setParameter(2, gold).setParameter(3, passed.toArray(Long[]::new)).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(((Number) rows.get(0)).longValue());
    }

    /** A lease of the item to the reviewer from now (renewed when they held one), in that A/B order; the item as they see it. */
    public ReviewView grant(long itemId, long reviewerId, boolean swapped) {
        em.createNativeQuery("""
                insert into review_leases (item_id, reviewer_id, swapped, expires_at) values (?1, ?2, ?3, now() + ?4 * interval '1 second')
                on conflict (item_id, reviewer_id) do update set swapped = excluded.swapped, leased_at = now(), expires_at = excluded.expires_at""")
                .setParameter(1, itemId).setParameter(2, reviewerId).setParameter(3, swapped)
                .setParameter(4, config.lease().toSeconds()).executeUpdate();
        return view(itemId, swapped, reviewerId);
    }

    private ReviewView view(long itemId, boolean swapped, long reviewerId) {
        ReviewItem item = ReviewItem.findById(itemId);
        ReviewView.Candidate one = new ReviewView.Candidate(item.reply1Id, privacy.mask(item.reply1Text));
        ReviewView.Candidate two = new ReviewView.Candidate(item.reply2Id, privacy.mask(item.reply2Text));
        long expiresMillis = ((Number) em.createNativeQuery(
                "select floor(extract(epoch from expires_at) * 1000) from review_leases where item_id = ?1 and reviewer_id = ?2")
                .setParameter(1, itemId).setParameter(2, reviewerId).getSingleResult()).longValue();
        OffsetDateTime expires = Instant.ofEpochMilli(expiresMillis).atOffset(ZoneOffset.UTC);
        return new ReviewView(item.id, new ReviewView.Ticket(privacy.mask(item.ticketText)), item.predictedIntent,
                swapped ? List.of(two, one) : List.of(one, two), expires, ReviewView.Passage.masked(item.sources, privacy::mask));
    }

    /** Whether another reviewer may still take the item: stored judgements plus others' live leases below its need. */
    public boolean roomFor(long itemId, long reviewerId) {
        return ((Boolean) em.createNativeQuery("""
                select i.judgements + (select count(*) from review_leases l where l.item_id = i.id and l.reviewer_id <> ?2
                                       and l.expires_at > now()) < i.required_judgements
                from review_items i where i.id = ?1""").setParameter(1, itemId).setParameter(2, reviewerId).getSingleResult());
    }

    @SuppressWarnings("unchecked")
    public static <T> Optional<T> single(List<?> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of((T) rows.get(0));
    }
}
