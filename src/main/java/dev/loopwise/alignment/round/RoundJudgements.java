package dev.loopwise.alignment.round;

import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.common.job.AdvisoryLock;
import dev.loopwise.review.item.Judgement;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the judgements a round learns from, at a cost that follows how many it reads rather than how many are
 * stored: the newest ones since the base version's round (an index range on their ids), and a replay sample of
 * older ones drawn by PostgreSQL from a few of the table's pages ({@code tablesample system}), so that the
 * reward model keeps what earlier rounds taught it. Rows arrive in keyset pages of {@link #PAGE} and are kept in
 * their library form: each reply text is held once however many judgements name it.
 */
final class RoundJudgements {
    static final int FETCH = 1_000;
    /** Judgements per keyset page. */
    static final int PAGE = 1_000;
    /** Pages are sampled for about this many times the replay size, since skipped and new judgements share them. */
    private static final double OVERSAMPLE = 3;
    /** Rows sampled at least, so that a small replay still comes from many pages, not from a few days' judgements. */
    private static final int MIN_SAMPLED = 5_000;
    /** Below this many older judgements, all of their ids are shuffled by the seeded hash: cheap, and exact. */
    static final long SCAN_BELOW = 50_000;

    /**
     * @param newFrom  the first id of the new judgements (those from here to {@code newUpto} that are not skips)
     * @param replayed ids of the older judgements read besides them
     */
    record Read(List<PreferencePair> pairs, long newFrom, long newUpto, int newCount, List<Long> replayed) {
    }

    /**
     * A reply is a library reply (its id) or a text as the reviewer saw it (no id): an LLM's draft, or a library reply
     * edited since the item was made, whose judgement is about its text then rather than now.
     */
    private record Row(long id, long reviewer, String choice, Integer stars1, Integer stars2, String ticket, String hash,
                       Long reply1, Long reply2, String draft1, String draft2) {
    }

    private final EntityManager em;
    private final Map<Long, Double> weights;
    private final long scanBelow;
    private final int page;

    RoundJudgements(EntityManager em, Map<Long, Double> weights) {
        this(em, weights, SCAN_BELOW, PAGE);
    }

    /**
     * @param scanBelow fewer older judgements than this are shuffled whole rather than sampled by page
     * @param page      judgements per keyset page
     */
    RoundJudgements(EntityManager em, Map<Long, Double> weights, long scanBelow, int page) {
        this.em = em;
        this.weights = weights;
        this.scanBelow = scanBelow;
        this.page = page;
    }

    /**
     * @param after judgements up to this id are history (the base version's round read up to it; 0: none)
     * @param seed  makes the replay sample repeatable for the same data and differ from round to round
     */
    Read read(long after, RoundScope scope, long seed) {
        // Ids are drawn when a judgement is inserted, in a transaction that commits a little later: one drawn before the
        // largest committed id may not be visible yet, and reading past it would leave it out of every round's new ones.
        long upto = AdvisoryLock.awaitWriters(em, Judgement.WRITE_LOCK, () -> number("select coalesce(max(id), 0) from judgements"));
        // The newest maxNewJudgements since `after`: walking the key backwards reads no more rows than that.
        List<?> boundary = em.createNativeQuery("""
                select id from judgements where id > ?1 and id <= ?2 and choice <> 'skip' order by id desc offset ?3 limit 1""")
                .setParameter(1, after).setParameter(2, upto).setParameter(3, scope.maxNewJudgements() - 1).getResultList();
        long newFrom = boundary.isEmpty() ? after + 1 : ((Number) boundary.get(0)).longValue();
        List<Row> rows = new ArrayList<>();
        // Keyset pages: each is an index range on the ids joined to its items by key, whatever the tables' size.
        for (long last = newFrom - 1; ; ) {
            List<Row> next = rows(String.format(Locale.ROOT, "j.id > %d and j.id <= %d order by j.id limit %d", last, upto, page));
            rows.addAll(next);
            if (next.size() < page) {
                break;
            }
            last = next.get(next.size() - 1).id();
        }
        int newCount = rows.size();
        List<Long> replayed = new ArrayList<>();
        if (scope.replaySample() > 0 && newFrom > 1) {
            List<Long> sampled = ((List<?>) em.createNativeQuery(replaySample(newFrom, scope.replaySample(), seed ^ newFrom)).getResultList())
                    .stream().map(id -> ((Number) id).longValue()).sorted().toList();
            for (int from = 0; from < sampled.size(); from += page) {
                String ids = sampled.subList(from, Math.min(sampled.size(), from + page)).stream().map(String::valueOf)
                        .collect(Collectors.joining(","));
                for (Row row : rows("j.id in (" + ids + ") order by j.id")) {
                    rows.add(row);
                    replayed.add(row.id());
                }
            }
        }
        return new Read(pairs(rows), newFrom, upto, newCount, replayed);
    }

    /**
     * Ids of about {@code size} non-skipped judgements older than {@code before}: PostgreSQL reads a share of the
     * table's pages chosen by the seed, and the sampled rows are ordered by a seeded hash of their id so that the
     * cut to {@code size} favours no page.
     */
    private String replaySample(long before, int size, long seed) {
        long lowest = number("select coalesce(min(id), 0) from judgements");
        // Live rows by the planner's density times the table's current size: cheap, and right after growth too.
        double live = ((Number) em.createNativeQuery("""
                select case when relpages > 0 then reltuples / relpages * (pg_relation_size(oid) / current_setting('block_size')::int)
                            else -1 end from pg_class where oid = 'judgements'::regclass""").getSingleResult()).doubleValue();
        double older = Math.max(1, live < 0 ? before - lowest : Math.min(before - lowest, live));
        if (older < scanBelow) {
            return String.format(Locale.ROOT, "select id from judgements where id < %d and choice <> 'skip' order by hashint8extended(id, %d) "
                    + "limit %d", before, seed, size);
        }
        double percent = Math.min(100, 100 * Math.max(OVERSAMPLE * size, MIN_SAMPLED) / older);
        return String.format(Locale.ROOT, """
                select id from judgements tablesample system (%.6f) repeatable (%d)
                where id < %d and choice <> 'skip' order by hashint8extended(id, %d) limit %d""",
                percent, seed & 0x7fffffffL, before, seed, size);
    }

    /**
     * One page of non-skipped judgements: the condition ends with its order and limit. A reviewer's miss on a gold item
     * is left out: it is known to be wrong, and already counts against the reviewer's weight.
     */
    @SuppressWarnings("unchecked")
    private List<Row> rows(String condition) {
        List<Row> rows = new ArrayList<>();
        try (Stream<Object[]> results = em.createNativeQuery("""
                select j.id, j.reviewer_id, j.choice, j.rating1, j.rating2, i.ticket_text, i.ticket_hash,
                       case when r1.text_changed_at > i.created_at then null else i.reply1_id end,
                       case when r2.text_changed_at > i.created_at then null else i.reply2_id end,
                       i.reply1_text, i.reply2_text
                from judgements j join review_items i on i.id = j.item_id
                left join replies r1 on r1.id = i.reply1_id left join replies r2 on r2.id = i.reply2_id
                where j.choice <> 'skip' and (i.kind <> 'gold' or j.choice = i.gold_choice) and %s""".formatted(condition))
                .setHint("org.hibernate.fetchSize", FETCH).getResultStream()) {
            results.forEach(r -> rows.add(new Row(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                    r[3] == null ? null : ((Number) r[3]).intValue(), r[4] == null ? null : ((Number) r[4]).intValue(), (String) r[5],
                    (String) r[6], r[7] == null ? null : ((Number) r[7]).longValue(), r[8] == null ? null : ((Number) r[8]).longValue(),
                    (String) r[9], (String) r[10])));
        }
        return rows;
    }

    private List<PreferencePair> pairs(List<Row> rows) {
        Set<Long> replyIds = new HashSet<>();
        rows.forEach(r -> {
            if (r.reply1() != null) {
                replyIds.add(r.reply1());
            }
            if (r.reply2() != null) {
                replyIds.add(r.reply2());
            }
        });
        Map<Long, String> replies = replyTexts(replyIds);
        Map<String, String> tickets = new HashMap<>();
        List<PreferencePair> pairs = new ArrayList<>(rows.size());
        for (Row r : rows) {
            boolean secondWins = r.choice().equals("2");
            PreferencePair.Kind kind = switch (r.choice()) {
                case "tie" -> PreferencePair.Kind.TIE;
                // "Out of scope": neither reply should be sent, which is what both bad teaches the reward model.
                case "both_bad", "out_of_scope" -> PreferencePair.Kind.BOTH_BAD;
                default -> PreferencePair.Kind.PREFERENCE;
            };
            double margin = kind == PreferencePair.Kind.PREFERENCE && r.stars1() != null && r.stars2() != null
                    ? Math.max(0, secondWins ? r.stars2() - r.stars1() : r.stars1() - r.stars2()) / 4.0 : 0;
            double weight = weights.getOrDefault(r.reviewer(), 0.5);
            String text1 = r.reply1() == null ? r.draft1() : replies.get(r.reply1());
            String text2 = r.reply2() == null ? r.draft2() : replies.get(r.reply2());
            String first = secondWins ? text2 : text1;
            String second = secondWins ? text1 : text2;
            pairs.add(new PreferencePair(tickets.computeIfAbsent(r.ticket(), t -> t), first, second, kind, margin, weight, r.hash(), r.id()));
        }
        return pairs;
    }

    @SuppressWarnings("unchecked")
    private Map<Long, String> replyTexts(Set<Long> ids) {
        Map<Long, String> texts = new HashMap<>();
        if (!ids.isEmpty()) {
            String list = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
            List<Object[]> rows = em.createNativeQuery("select id, text from replies where id in (" + list + ")").getResultList();
            rows.forEach(r -> texts.put(((Number) r[0]).longValue(), (String) r[1]));
        }
        return texts;
    }

    private long number(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
