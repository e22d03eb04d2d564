package dev.loopwise.review.item;

import dev.loopwise.common.db.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One reviewer's verdict on one item, stored in the item's terms ({@code choice} 1, 2, tie, both_bad,
 * out_of_scope or skip), with the letter pressed and whether the replies were shown swapped.
 */
@Entity
@Table(name = "judgements")
public class Judgement extends IdentityEntity {
    public static final String SKIP = "skip";
    /** No library reply can answer the ticket: support does not handle it (rounds read it as both bad). */
    public static final String OUT_OF_SCOPE = "out_of_scope";
    /**
     * pg_advisory lock key ("JdgWrite" in ASCII) that each judgement's write holds in shared mode until it commits, so that
     * a round can wait for the writes in flight before it fixes the last judgement it reads as new.
     */
    public static final long WRITE_LOCK = 0x4a64675772697465L;

    @Column(name = "item_id")
    public long itemId;
    @Column(name = "reviewer_id")
    public long reviewerId;
    public String choice;
    @Column(name = "shown_as")
    public String shownAs;
    public boolean swapped;
    public Short rating1;
    public Short rating2;
    public String rewrite;
    @Column(name = "skip_reason")
    public String skipReason;
    @Column(name = "duration_ms")
    public Integer durationMs;
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    /** A reviewer's latest choice and the whole seconds left to undo it. */
    public record Undoable(long itemId, long secondsLeft) {
    }

    /** The reviewer's latest choice if it can still be undone within {@code window}; reads their newest judgement only. */
    public static Optional<Undoable> lastUndoable(long reviewerId, Duration window) {
        List<?> rows = getEntityManager().createNativeQuery("""
                select item_id, floor(extract(epoch from created_at + ?2 * interval '1 second' - now())) from judgements
                where reviewer_id = ?1 and created_at > now() - ?2 * interval '1 second' order by created_at desc limit 1""")
                .setParameter(1, reviewerId).setParameter(2, window.toSeconds()).getResultList();
        return rows.stream().map(r -> (Object[]) r).filter(r -> ((Number) r[1]).longValue() >= 1)
                .map(r -> new Undoable(((Number) r[0]).longValue(), ((Number) r[1]).longValue())).findFirst();
    }
}
