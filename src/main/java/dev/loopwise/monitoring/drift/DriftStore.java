package dev.loopwise.monitoring.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Stores drift reports, alerts and actions as they happen; reads them back for pages and the API. */
@ApplicationScoped
public class DriftStore {
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    public record Last(long id, OffsetDateTime windowTo, Map<String, Integer> streaks) {
    }

    @SuppressWarnings("unchecked")
    public Optional<Last> last(int version) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows = em.createNativeQuery("""
                    select id, to_char(window_to at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.USZ'), cast(streaks as text)
                    from drift_reports where model_version = ?1 order by id desc limit 1""").setParameter(1, version).getResultList();
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            Object[] r = rows.get(0);
            Map<String, Integer> streaks = new HashMap<>();
            JSON.readTree((String) r[2]).fields().forEachRemaining(e -> streaks.put(e.getKey(), e.getValue().asInt()));
            return Optional.of(new Last(((Number) r[0]).longValue(), r[1] == null ? null : OffsetDateTime.parse((String) r[1]), streaks));
        });
    }

    public long saveReport(int version, DriftWindow.Read read, DriftDetector.Report report, Set<String> confirmed, Map<String, Integer> streaks) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                insert into drift_reports (model_version, requests, window_from, window_to, signals, raised, confirmed, new_topics, streaks)
                values (?1, ?2, ?3, ?4, cast(?5 as jsonb), cast(?6 as jsonb), cast(?7 as jsonb), cast(?8 as jsonb), cast(?9 as jsonb))
                returning id""").setParameter(1, version).setParameter(2, read.window().size()).setParameter(3, read.from())
                .setParameter(4, read.to()).setParameter(5, json(report.signals()))
                .setParameter(6, json(report.alerts().stream().map(DriftDetector.Alert::signal).toList()))
                .setParameter(7, json(confirmed)).setParameter(8, json(report.newTopics())).setParameter(9, json(streaks))
                .getSingleResult()).longValue());
    }

    public long saveAlert(long reportId, int version, DriftDetector.Alert alert, Map<String, Object> evidence) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                insert into drift_alerts (report_id, model_version, signal, value, threshold, message, evidence)
                values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb)) returning id""").setParameter(1, reportId).setParameter(2, version)
                .setParameter(3, alert.signal()).setParameter(4, alert.value()).setParameter(5, alert.threshold())
                .setParameter(6, alert.message()).setParameter(7, json(evidence)).getSingleResult()).longValue());
    }

    public void webhookStatus(long alertId, String status) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update drift_alerts set webhook_status = ?1 where id = ?2")
                .setParameter(1, status).setParameter(2, alertId).executeUpdate());
    }

    /** An alert as its webhook retry needs it: the body is rebuilt from what the check stored. */
    record Stored(int version, String message, Map<String, Object> payload, String webhookStatus) {
    }

    @SuppressWarnings("unchecked")
    Optional<Stored> alert(long alertId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows = em.createNativeQuery("""
                    select model_version, signal, value, threshold, message, cast(evidence as text), webhook_status
                    from drift_alerts where id = ?1""").setParameter(1, alertId).getResultList();
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            Object[] r = rows.get(0);
            int version = ((Number) r[0]).intValue();
            DriftDetector.Alert alert = new DriftDetector.Alert((String) r[1], ((Number) r[2]).doubleValue(), ((Number) r[3]).doubleValue(),
                    (String) r[4]);
            Map<String, Object> evidence = JSON.readValue((String) r[5], Map.class);
            return Optional.of(new Stored(version, alert.message(), WebhookNotifier.payload(evidence, alert, version), (String) r[6]));
        });
    }

    public long saveAction(String action, String reason, String status, Long roundId, Integer items, Long alertId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                insert into monitoring_actions (action, reason, status, round_id, items, alert_id) values (?1, ?2, ?3, ?4, ?5, ?6)
                returning id""").setParameter(1, action).setParameter(2, reason).setParameter(3, status).setParameter(4, roundId)
                .setParameter(5, items).setParameter(6, alertId).getSingleResult()).longValue());
    }

    /** A round proposal that waits for {@code judgements} non-skip judgements in all, or for {@code deadline}. */
    /**
     * A round proposed once reviewers have judged {@code needed} of the review items made from the drifted requests
     * ({@code hashes}), or at the deadline; {@code judgements} is the total that was the rule before items were traced.
     */
    public long saveWaitingRound(String reason, long judgements, OffsetDateTime deadline, Long alertId, List<String> hashes, int needed) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                insert into monitoring_actions (action, reason, status, alert_id, ready_after_judgements, ready_at, drift_hashes,
                    drift_judgements_needed)
                values ('round_requested', ?1, 'waiting', ?2, ?3, ?4, cast(?5 as text[]), ?6) returning id""").setParameter(1, reason)
                .setParameter(2, alertId).setParameter(3, judgements).setParameter(4, deadline)
                .setParameter(5, hashes.isEmpty() ? null : "{\"" + String.join("\",\"", hashes) + "\"}")
                .setParameter(6, hashes.isEmpty() ? null : needed).getSingleResult()).longValue());
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
