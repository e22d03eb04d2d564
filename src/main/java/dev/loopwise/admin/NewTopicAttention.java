package dev.loopwise.admin;

import dev.loopwise.common.DriftMessages;
import dev.loopwise.common.text.TemplateFormats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A new topic drift found in what customers ask of the active version, while no intent was made since: once its
 * proposal was decided, nothing else on the overview would still say that customers ask what the version never learned.
 */
@ApplicationScoped
public class NewTopicAttention {
    @Inject
    EntityManager em;

    @SuppressWarnings("unchecked")
    public Optional<FirstWeek.Step> step() {
        List<Object[]> rows = em.createNativeQuery("select a.created_at, a.message from drift_alerts a where a.signal = 'new_topic'"
                + " and a.model_version = (select version from model_versions where status = 'active' order by version desc limit 1)"
                + " and not exists (select 1 from intents i where i.created_at > a.created_at) order by a.id desc limit 1").getResultList();
        return rows.stream().findFirst().map(row -> {
            String when = TemplateFormats.when(when(row[0]));
            return new FirstWeek.Step(DriftMessages.NEW_TOPIC_TITLE, false, DriftMessages.newTopicStatus(when, (String) row[1]),
                    DriftMessages.newTopicAction(when, (String) row[1]), "/admin/drift#alerts-card");
        });
    }

    /** The driver hands a timestamp with time zone back as one of these, depending on its settings. */
    private static OffsetDateTime when(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        Instant instant = value instanceof Timestamp stamp ? stamp.toInstant() : (Instant) value;
        return instant.atOffset(ZoneOffset.UTC);
    }
}
