package dev.loopwise.review;

import dev.loopwise.common.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

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
}
