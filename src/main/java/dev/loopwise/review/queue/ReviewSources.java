package dev.loopwise.review.queue;

import dev.loopwise.review.item.ReviewConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks tickets nobody has reviewed yet for new review items, reading bounded samples rather than every request
 * ever served: the newest requests first, then a table sample of older ones, then imported unlabelled tickets from
 * a random place on.
 */
@ApplicationScoped
class ReviewSources {
    @Inject
    ReviewConfig config;
    @Inject
    EntityManager em;

    /**
     * Tickets not yet reviewed: a share from served traffic, the rest from imported unlabelled tickets; when one source
     * runs short the other makes up for it, so fewer than {@code count} come back only when both are used up.
     */
    List<ReviewItemGenerator.Source> pick(int count) {
        int fromTraffic = (int) Math.round(count * config.trafficShare());
        Set<String> seen = new HashSet<>();
        // Up to all of them from traffic, should the tickets run short; only the share is taken at first.
        List<ReviewItemGenerator.Source> traffic = traffic(count);
        List<ReviewItemGenerator.Source> sources = new ArrayList<>();
        traffic.stream().limit(fromTraffic).filter(t -> seen.add(t.hash())).forEach(sources::add);
        // From a random place in the table onwards (then from its start): sorting every unlabelled ticket by random()
        // would read them all on each refill.
        int wanted = count - sources.size();
        long from = ((Number) em.createNativeQuery("""
                select coalesce(min(id) + floor(random() * (max(id) - min(id) + 1)), 0)::bigint from tickets""").getSingleResult()).longValue();
        List<Object[]> tickets = new ArrayList<>(unreviewedTickets(from, Long.MAX_VALUE, wanted));
        if (tickets.size() < wanted) {
            tickets.addAll(unreviewedTickets(Long.MIN_VALUE, from, wanted - tickets.size()));
        }
        tickets.stream().filter(r -> seen.add((String) r[1]))
                .forEach(r -> sources.add(new ReviewItemGenerator.Source((String) r[0], (String) r[1], "traffic", (String) r[2])));
        traffic.stream().skip(fromTraffic).filter(t -> sources.size() < count && seen.add(t.hash())).forEach(sources::add);
        return sources;
    }

    /**
     * Served requests without an item, up to {@code limit}: the newest first, then a sample of about as many older ones
     * when those fall short — picking among every request ever served would read the whole log on each refill.
     */
    @SuppressWarnings("unchecked")
    private List<ReviewItemGenerator.Source> traffic(int limit) {
        List<Object[]> rows = new ArrayList<>(em.createNativeQuery("""
                select text, text_hash, id::text from (
                    select distinct on (text_hash) text, text_hash, id from (
                        select text, text_hash, id, created_at from served_requests where endpoint = 'respond' and text <> ''
                        order by created_at desc limit ?2) r
                    where not exists (select 1 from review_items i where i.ticket_hash = r.text_hash)
                    order by text_hash, created_at desc) t
                order by random() limit ?1""").setParameter(1, limit).setParameter(2, config.refillWindow()).getResultList());
        if (rows.size() < limit) {
            rows.addAll(em.createNativeQuery("""
                    select text, text_hash, id::text from (
                        select distinct on (text_hash) text, text_hash, id from served_requests r tablesample system (?2)
                        where endpoint = 'respond' and text <> '' and not exists (select 1 from review_items i where i.ticket_hash = r.text_hash)
                        order by text_hash, created_at desc) t
                    order by random() limit ?1""").setParameter(1, limit - rows.size())
                    .setParameter(2, samplePercent()).getResultList());
        }
        Set<String> seen = new HashSet<>();
        return rows.stream().filter(r -> seen.add((String) r[1]))
                .map(r -> new ReviewItemGenerator.Source((String) r[0], (String) r[1], "request", (String) r[2])).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> unreviewedTickets(long fromId, long beforeId, int limit) {
        return em.createNativeQuery("""
                select text, text_hash, id::text from tickets t
                where intent_id is null and id >= ?1 and id < ?2
                  and not exists (select 1 from review_items i where i.ticket_hash = t.text_hash)
                order by t.id limit ?3""").setParameter(1, fromId).setParameter(2, beforeId).setParameter(3, limit).getResultList();
    }

    /** The share of the request log (in percent of its pages) that holds about a refill window's worth of requests. */
    private double samplePercent() {
        double rows = ((Number) em.createNativeQuery("""
                select coalesce(sum(c.reltuples) filter (where c.reltuples > 0), 0) from pg_class c
                where c.oid = 'served_requests'::regclass
                   or c.oid in (select inhrelid from pg_inherits where inhparent = 'served_requests'::regclass)""")
                .getSingleResult()).doubleValue();
        return rows <= config.refillWindow() ? 100.0 : Math.max(0.01, 100.0 * config.refillWindow() / rows);
    }
}
