package dev.loopwise.ticket;

import dev.loopwise.common.db.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a customer wants, by name, with a one-line description (the zero-shot classifier reads it). */
@Entity
@Table(name = "intents")
public class Intent extends IdentityEntity {
    /** One rule for names typed on the Intents page and labels read from an imported file. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.:/-]{0,99}");
    /** Label of tickets that are examples of requests the desk does not handle: they are handed to a person. */
    public static final String OUT_OF_SCOPE = "oos";
    /** Labelled tickets a new intent should have before a version is trained to learn it (the pages ask for as many). */
    public static final int TICKETS_PER_NEW_INTENT = 5;

    public String name;
    public String description;

    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    /** Empty for a name no intent can have (one holding a NUL, which a form may carry but PostgreSQL cannot compare). */
    public static Optional<Intent> findByName(String name) {
        return name == null || name.indexOf('\0') >= 0 ? Optional.empty() : find("name", name).firstResultOptional();
    }

    /**
     * The intent, its row locked in share mode until the transaction ends: a ticket or reply written for it then waits
     * for a removal in flight (and finds the intent gone) instead of failing on the foreign key, and a removal waits for
     * the writes in flight and counts what they wrote.
     */
    public static Optional<Intent> findByNameForWriting(String name) {
        return name == null || name.indexOf('\0') >= 0 ? Optional.empty()
                : find("name", name).withLock(LockModeType.PESSIMISTIC_READ).firstResultOptional();
    }

    /** The intent, its row locked until the transaction ends: edits of its reply library take turns. */
    public static Optional<Intent> findByNameForEditing(String name) {
        return name == null || name.indexOf('\0') >= 0 ? Optional.empty()
                : find("name", name).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** An intent whose name differs only in case: imports match names ignoring case, so two such intents cannot coexist. */
    public static Optional<Intent> findByNameIgnoringCase(String name) {
        return name.indexOf('\0') >= 0 ? Optional.empty()
                : find("lower(name) = ?1 order by id", name.toLowerCase(Locale.ROOT)).firstResultOptional();
    }

    public static List<Intent> listByName() {
        return list("order by name");
    }
}
