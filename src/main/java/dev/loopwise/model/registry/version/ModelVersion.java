package dev.loopwise.model.registry.version;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.common.db.IdentityEntity;
import dev.loopwise.model.encoder.EncoderRef;
import dev.loopwise.ticket.IntentNames;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A trained model: parameters with checksum, the data it saw (lineage), held-out metrics, status. */
@Entity
@Table(name = "model_versions")
public class ModelVersion extends IdentityEntity {
    public static final String CANDIDATE = "candidate";
    public static final String ACTIVE = "active";
    public static final String RETIRED = "retired";
    public static final String REJECTED = "rejected";

    public int version;
    public String status;

    @Column(name = "encoder_id")
    public String encoderId;

    /** The catalogue name or folder the encoder was loaded from (see {@link EncoderRef}). */
    @Column(name = "encoder_source")
    public String encoderSource;

    public String regime;

    /** Loaded only when served: listing versions should not pull every model's weights. */
    @Basic(fetch = FetchType.LAZY)
    public byte[] parameters;

    public String checksum;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> lineage = new LinkedHashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> metrics = new LinkedHashMap<>();

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "activated_at")
    public OffsetDateTime activatedAt;

    /** When retention removed this version's weights (see {@link VersionRetention}); null while they are kept. */
    @Column(name = "weights_removed_at")
    public OffsetDateTime weightsRemovedAt;

    /** Reviewers compare this candidate's replies with the active version's. */
    @Column(name = "under_review")
    public boolean underReview;

    public static Optional<ModelVersion> findActive() {
        return find("status", ACTIVE).firstResultOptional();
    }

    /** A version a round did not promote can be compared too: reviewers' judgements of it are what the next round needs. */
    public static Optional<ModelVersion> findUnderReview() {
        return find("status in ?1 and underReview = true order by version desc", List.of(CANDIDATE, REJECTED)).firstResultOptional();
    }

    /** A version that can still be compared with the active one: trained or made by a round, and never served. */
    public boolean comparable() {
        return activatedAt == null && (CANDIDATE.equals(status) || REJECTED.equals(status));
    }

    public static Optional<ModelVersion> findByVersion(int version) {
        return find("version", version).firstResultOptional();
    }

    /** Whether a version numbered {@code version} or above exists: a page below it has newer ones. */
    public static boolean anyFrom(long version) {
        // Stops at the first row: a count would walk every newer version, and loading one would read its stored weights.
        return !getEntityManager().createNativeQuery("select 1 from model_versions where version >= ?1 limit 1")
                .setParameter(1, (int) Math.min(version, Integer.MAX_VALUE)).getResultList().isEmpty();
    }

    /**
     * {@code limit} versions numbered below {@code before} (null: from the newest), newest first, after skipping {@code offset}:
     * with a cursor, the unique index on the version number is walked from there, whatever the history's length.
     */
    public static List<ModelVersion> newestFirst(Long before, long offset, int limit) {
        if (offset + limit > Integer.MAX_VALUE) {
            return List.of(); // past the end of any table
        }
        // A version number is an int: a cursor above every one of them reads from the newest.
        PanacheQuery<ModelVersion> query = before == null ? find("order by version desc")
                : find("version < ?1 order by version desc", (int) Math.min(before, Integer.MAX_VALUE));
        return query.range((int) offset, (int) offset + limit - 1).list();
    }

    /**
     * The next version number, from a sequence shared by training runs and alignment rounds: two jobs saving at
     * the same moment get different numbers without waiting for each other. A save that rolls back leaves a gap.
     */
    public static int nextVersionNumber() {
        return ((Number) getEntityManager().createNativeQuery("select nextval('model_version_numbers')").getSingleResult()).intValue();
    }

    @Transient
    private List<String> learnedIntents;
    /** The lineage {@link #learnedIntents} was read from: another one assigned since is read again. */
    @Transient
    private Map<String, Object> learnedIntentsOf;

    /**
     * The intents this version learned (empty for a version stored before the list was kept). Kept once read: a comparison
     * of two versions asks several times, and a round's version reads them up its chain of base versions.
     */
    public List<String> learnedIntents() {
        if (learnedIntents == null || learnedIntentsOf != lineage) {
            learnedIntentsOf = lineage;
            Object names = lineage == null ? null : lineage.get("intents");
            // A round's version keeps the intent model of the version it started from, whose lineage lists them: without
            // this, promoting it would hide the intents labelled since, which it gives another intent's reply as its base did.
            learnedIntents = names instanceof List<?> list ? IntentNames.current(list.stream().map(String::valueOf).toList())
                    : lineage != null && lineage.get("baseVersion") instanceof Number base ? baseIntents(base.intValue()) : List.of();
        }
        return learnedIntents;
    }

    /** The intents of the first version up the chain of rounds from {@code base} that lists them, read without its weights. */
    @SuppressWarnings("unchecked")
    private static List<String> baseIntents(int base) {
        List<Object> names = getEntityManager().createNativeQuery("""
                with recursive chain(version, lineage, depth) as (
                    select version, lineage, 0 from model_versions where version = ?1
                    union all
                    select m.version, m.lineage, c.depth + 1 from chain c
                    join model_versions m on m.version = (c.lineage->>'baseVersion')::int
                    where c.lineage->'intents' is null and c.depth < 100)
                select jsonb_array_elements_text(lineage->'intents') from chain where lineage->'intents' is not null""")
                .setParameter(1, base).getResultList();
        return IntentNames.current(names.stream().map(String::valueOf).toList());
    }

    /**
     * Trained with no reply to learn from (the library had none for its intents, or its tickets no agents' replies): it
     * learned no reply policy, and rounds have nothing to improve until a version is trained with one (a round's version
     * always has one: rounds improve it).
     */
    public boolean learnedNoReplyChoice() {
        return (lineage == null || !lineage.containsKey("alignmentRound")) && (metrics == null || !metrics.containsKey("policy/train_loss"));
    }

    /** The encoder this version was trained on, and is always served and evaluated with. */
    public EncoderRef encoder() {
        return new EncoderRef(encoderId, encoderSource);
    }

    /** The stored bundle, its intents under the names they have now (the bytes keep the names it was trained with). */
    public ModelBundle bundle() {
        if (weightsRemovedAt != null) {
            throw ApiException.conflict("weights_removed", LifecycleMessages.weightsRemoved(version));
        }
        ModelBundle stored = ModelBundle.fromBytes(parameters, checksum);
        List<String> labels = stored.intent().labels();
        List<String> current = IntentNames.current(labels);
        return current.equals(labels) ? stored
                : new ModelBundle(stored.format(), stored.encoderId(), stored.intent().withLabels(current), stored.policy(), stored.reward());
    }
}
