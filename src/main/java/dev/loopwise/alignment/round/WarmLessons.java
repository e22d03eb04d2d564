package dev.loopwise.alignment.round;

import dev.loopwise.common.text.Hashing;
import dev.loopwise.model.registry.training.WorkspaceSnapshot;
import dev.loopwise.ticket.HeldOutRows;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the reward model a round continues from learned about the tickets the round checks on. That model was trained by
 * the base version's round on its judgements and imported pairs, and, when that round continued too, by its own base's,
 * and so on: a ticket judged only there, or one in its words, still taught the candidate which reply suits it. Read from
 * what those rounds stored (the id ranges of their new judgements and imported pairs, their replayed ids) through the
 * look-alike indexes, a lookup per checked ticket, so the cost follows how many tickets are checked rather than how many
 * judgements or pairs are stored.
 */
final class WarmLessons {
    /** Checked tickets per lookup, so that the statement stays a readable size. */
    private static final int BATCH = 1_000;

    /**
     * A ticket's words with every kind of spacing dropped, lower-cased and hashed: the expression of the index
     * {@code review_items_look_alike_idx} (migration V51), which a lookup must repeat exactly to use it. Coarser than
     * {@link HeldOutRows#key}, so every look-alike shares it; the rows it finds are compared by that key in Java.
     */
    private static String lookAlikeKey(String column) {
        return "md5(lower(regexp_replace(" + column
                + ", '[\\s\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]+', '', 'g')))";
    }

    private WarmLessons() {
    }

    /**
     * Which labelled tickets in {@code intentTest} are in the words, case and spacing aside, of a ticket that rounds along
     * the reward model's line trained on: a look-alike taught the candidate which reply suits it as the ticket itself would.
     *
     * @param baseRound the round that made the base version, whose reward model this round continues from
     * @return those tickets as {@link HeldOutRows#key} gives them
     */
    static Set<String> taught(EntityManager em, long baseRound, List<WorkspaceSnapshot.TicketInfo> intentTest, RoundSettings settings) {
        return taughtLookAlikes(em, baseRound, intentTest.stream().map(WorkspaceSnapshot.TicketInfo::text).toList(), settings);
    }

    /**
     * Which of {@code tickets} are in the words, case and spacing aside, of a ticket that rounds along the reward model's
     * line trained on: judged, not skipped, among their new or replayed judgements, or the prompt of an imported pair they
     * read, on their training side. They all kept the same tickets aside as this round (a reward model continues only
     * then), so only the training side of each found row counts. Found through the look-alike indexes, per checked ticket.
     *
     * @return those tickets as {@link HeldOutRows#key} gives them
     */
    @SuppressWarnings("unchecked")
    static Set<String> taughtLookAlikes(EntityManager em, long baseRound, Collection<String> tickets, RoundSettings settings) {
        List<String> texts = tickets.stream().distinct().toList();
        Set<String> wanted = texts.stream().map(HeldOutRows::key).collect(Collectors.toSet());
        Set<String> taught = new HashSet<>();
        if (texts.isEmpty()) {
            return taught;
        }
        String rounds = array(line(em, baseRound));
        for (int from = 0; from < texts.size(); from += BATCH) {
            // Joined by a character tickets do not hold: a stray one would only split a text into more candidates.
            String batch = String.join("\u001f", texts.subList(from, Math.min(texts.size(), from + BATCH)));
            String checked = "any(array(select %s from unnest(string_to_array(?1, chr(31))) t))".formatted(lookAlikeKey("t"));
            List<Object[]> found = new ArrayList<>(em.createNativeQuery("""
                    select distinct i.ticket_text, i.ticket_hash from review_items i join judgements j on j.item_id = i.id
                    where %s = %s and j.choice <> 'skip'
                      and (exists (select 1 from alignment_rounds r where r.id = any(cast(?2 as bigint[]))
                                   and j.id between r.new_from and r.new_upto)
                           or exists (select 1 from round_replayed_judgements p where p.round_id = any(cast(?2 as bigint[]))
                                      and p.judgement_id = j.id))""".formatted(lookAlikeKey("i.ticket_text"), checked))
                    .setParameter(1, batch).setParameter(2, rounds).getResultList());
            // An imported pair is grouped by its prompt's hash, as a judgement is by its ticket's.
            ((List<String>) em.createNativeQuery("""
                    select distinct p.prompt from imported_preferences p where %s = %s
                      and exists (select 1 from alignment_rounds r where r.id = any(cast(?2 as bigint[]))
                                  and p.id between r.imported_from and r.imported_upto)""".formatted(lookAlikeKey("p.prompt"), checked))
                    .setParameter(1, batch).setParameter(2, rounds).getResultList())
                    .forEach(prompt -> found.add(new Object[] {prompt, Hashing.sha256Hex(prompt)}));
            for (Object[] row : found) {
                String key = HeldOutRows.key((String) row[0]);
                if (wanted.contains(key) && !AlignmentEngine.isHeldOut((String) row[1], settings)) {
                    taught.add(key);
                }
            }
        }
        return taught;
    }

    /**
     * The rounds whose training the base version's reward model carries: the base round, then each round's base round for
     * as long as the round continued its base's reward model ({@code reward/warm_started}).
     */
    @SuppressWarnings("unchecked")
    static List<Long> line(EntityManager em, long baseRound) {
        return ((List<Number>) em.createNativeQuery("""
                with recursive line(id, warm, base_version) as (
                    select id, metrics ->> 'reward/warm_started', base_version from alignment_rounds where id = ?1
                    union
                    select r.id, r.metrics ->> 'reward/warm_started', r.base_version from line l
                    join model_versions v on v.version = l.base_version
                    join alignment_rounds r on r.id = cast(v.lineage ->> 'alignmentRound' as bigint)
                    where l.warm = '1')
                select id from line""").setParameter(1, baseRound).getResultList()).stream().map(Number::longValue).toList();
    }

    private static String array(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}
