package dev.loopwise.monitoring.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopwise.common.DriftMessages;
import dev.loopwise.common.PagingMessages;
import dev.loopwise.common.db.RowCounts;
import dev.loopwise.model.registry.version.ModelRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Everything the drift dashboard and {@code GET /api/v1/drift} show, read in one place. */
@ApplicationScoped
public class DriftOverview {
    @Inject
    EntityManager em;
    @Inject
    ModelRegistry registry;
    @Inject
    MonitoringConfig config;
    @Inject
    WebhookRetries retries;

    @Schema(description = "The drift dashboard's data for the active version")
    public record Overview(@Schema(description = "The active version, whose traffic is checked; null while none is") Integer modelVersion,
                           @Schema(type = SchemaType.OBJECT, description = "The newest check of that version: {id, modelVersion, createdAt, requests, signals, raised,"
                                   + " confirmed, newTopics}; null before the first") JsonNode latest,
                           @Schema(description = "Each signal's line by name (input/p_value, prediction/psi_excess, outcome/thumbs_down_rate,"
                                   + " ...) and the window, confirmations and stride of the checks") Map<String, Object> thresholds,
                           @Schema(description = "Its newest 200 checks, oldest first: [{id, createdAt, requests, signals, raised, confirmed}]; requests: how many"
                                   + " requests the check read, its window when it ran") JsonNode series,
                           @Schema(description = "The newest 30 alerts, newest first: [{id, modelVersion, reportId, createdAt, signal, value, threshold,"
                                   + " message, evidence, webhookStatus}]") JsonNode alerts,
                           @Schema(description = "The newest 30 automatic actions, newest first: [{id, createdAt, action, reason, status, roundId,"
                                   + " items}]") JsonNode actions) {
    }

    /** Alerts and actions listed, the newest first: the rest stay in the database, counted (RowCounts) but not read. */
    static final int LISTED = 30;

    /** What the page says under each list when it holds only the newest: null while it holds every one. */
    public record Shown(String alerts, String actions) {
    }

    public Shown shown(Overview overview) {
        return QuarkusTransaction.requiringNew().call(() -> new Shown(
                PagingMessages.newestShown(overview.alerts().size(), RowCounts.total(RowCounts.DRIFT_ALERTS), "alerts", null),
                PagingMessages.newestShown(overview.actions().size(), RowCounts.total(RowCounts.MONITORING_ACTIONS), "actions", null)));
    }

    public Overview read() {
        Integer version = registry.current().map(m -> m.version()).orElse(null);
        return QuarkusTransaction.requiringNew().call(() -> new Overview(version,
                json("""
                        select coalesce((select row_to_json(r) from (select id, model_version as "modelVersion", created_at as "createdAt",
                          requests, signals, raised, confirmed, new_topics as "newTopics" from drift_reports where model_version = ?1
                          order by id desc limit 1) r), 'null'::json)""", version),
                thresholds(),
                json("""
                        select coalesce(json_agg(r order by r.id), '[]'::json) from (select id, created_at as "createdAt", requests, signals,
                          raised, confirmed from drift_reports where model_version = ?1 order by id desc limit 200) r""", version),
                abandonedDeliveries(json("""
                        select coalesce(json_agg(a order by a.id desc), '[]'::json) from (select id, model_version as "modelVersion",
                          report_id as "reportId", created_at as "createdAt", signal, value, threshold, message, evidence,
                          webhook_status as "webhookStatus"
                          from drift_alerts order by id desc limit %d) a""".formatted(LISTED), null), retries.waiting()),
                json("""
                        select coalesce(json_agg(a order by a.id desc), '[]'::json) from (select id, created_at as "createdAt", action,
                          reason, status, round_id as "roundId", items from monitoring_actions order by id desc limit %d) a""".formatted(LISTED), null)));
    }

    /**
     * A pending retry is a job in Quartz's store, which any instance makes when due. An alert still saying "trying again"
     * with no job behind it long after any retry would have run (its retry was kept in memory by a version before this
     * one, or its job was removed) would say so for ever: say instead that it never will come.
     */
    static JsonNode abandonedDeliveries(JsonNode alerts, Set<Long> waiting) {
        Instant settled = Instant.now().minus(WebhookNotifier.LONGEST_DELIVERY.multipliedBy(2));
        for (JsonNode alert : alerts) {
            String status = alert.path("webhookStatus").asText("");
            if (status.contains(DriftMessages.WEBHOOK_TRYING_AGAIN) && !waiting.contains(alert.path("id").asLong())
                    && alert instanceof ObjectNode row && OffsetDateTime.parse(alert.path("createdAt").asText()).toInstant().isBefore(settled)) {
                row.put("webhookStatus", DriftMessages.webhookAbandoned(status));
            }
        }
        return alerts;
    }

    private JsonNode json(String sql, Integer version) {
        var query = em.createNativeQuery(sql);
        if (sql.contains("?1")) {
            query.setParameter(1, version == null ? -1 : version);
        }
        try {
            return DriftStore.JSON.readTree(String.valueOf(query.getSingleResult()));
        } catch (Exception e) {
            throw new IllegalStateException("Could not read drift data", e);
        }
    }

    private Map<String, Object> thresholds() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("input/p_value", config.mmdAlpha());
        t.put("input/mmd2", config.minMmd());
        t.put("prediction/psi_excess", config.psiThreshold());
        t.put("prediction/confidence_drop", config.confidenceDrop());
        t.put("prediction/oos_rise", config.oosRise());
        t.put("outcome/thumbs_down_rate", config.thumbsDownRate());
        t.put("outcome/non_first_choice_rate", config.nonFirstChoiceRate());
        t.put("window", config.window());
        t.put("confirmations", config.confirmations());
        t.put("stride", config.stride());
        return t;
    }

    public static List<String> signalsCharted() {
        return List.of("input/mmd2", "input/p_value", "input/new_topic_requests", "prediction/psi", "prediction/mean_confidence",
                "prediction/oos_rate", "outcome/thumbs_down_rate", "outcome/non_first_choice_rate");
    }
}
