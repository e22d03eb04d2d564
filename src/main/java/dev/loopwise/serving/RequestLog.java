package dev.loopwise.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.llm.LlmOutcome;
import dev.loopwise.model.registry.version.ServingModel;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Writes served requests (request, intent, confidence, reply, version, latency and, with an LLM, the choice among
 * drafts and library replies with their scores and sources) in one batched insert.
 */
@ApplicationScoped
public class RequestLog {
    @Inject
    AgroalDataSource dataSource;

    /** {@code llm}: how the LLM took part (null when none is connected); its choice replaces the decision's reply. */
    public record Entry(UUID id, String endpoint, String text, String textHash, ServingModel.Decision decision,
                        int modelVersion, double latencyMs, String caller, LlmOutcome llm) {
        public Entry(UUID id, String endpoint, String text, String textHash, ServingModel.Decision decision, int modelVersion,
                     double latencyMs, String caller) {
            this(id, endpoint, text, textHash, decision, modelVersion, latencyMs, caller, null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public void write(List<Entry> entries) {
        String sql = "insert into served_requests (id, endpoint, text, text_hash, intent, confidence, out_of_scope, reply_id, "
                + "reply_text, model_version, latency_ms, caller, answer_source, llm_status, candidates, sources, llm_ms, llm_held_until) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)";
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Entry e : entries) {
                insert.setObject(1, e.id());
                insert.setString(2, e.endpoint());
                insert.setString(3, e.text());
                insert.setString(4, e.textHash());
                insert.setString(5, e.decision().intent().label());
                insert.setFloat(6, (float) e.decision().intent().confidence());
                insert.setBoolean(7, e.decision().intent().outOfScope());
                Long replyId = e.llm() != null ? e.llm().replyId() : e.decision().reply() == null ? null : e.decision().reply().replyId();
                if (replyId == null) {
                    insert.setNull(8, Types.BIGINT);
                } else {
                    insert.setLong(8, replyId);
                }
                insert.setString(9, e.llm() != null ? e.llm().replyText() : e.decision().replyText());
                insert.setInt(10, e.modelVersion());
                insert.setFloat(11, (float) e.latencyMs());
                insert.setString(12, e.caller());
                insert.setString(13, e.llm() == null ? null : e.llm().source());
                insert.setString(14, e.llm() == null ? null : e.llm().status());
                insert.setString(15, e.llm() == null ? null : json(e.llm().candidates()));
                insert.setString(16, e.llm() == null ? null : json(e.llm().sources()));
                if (e.llm() == null || e.llm().llmMs() == null) {
                    insert.setNull(17, Types.REAL);
                } else {
                    insert.setFloat(17, e.llm().llmMs());
                }
                Instant heldUntil = e.llm() == null ? null : e.llm().heldUntil();
                insert.setObject(18, heldUntil == null ? null : heldUntil.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not log served requests", e);
        }
    }

    /**
     * Takes back the rows of requests whose callers were answered 503 (timed out) while the rows were being written: no
     * one holds their ids, and they were not answered. Such rows are seconds old, which keeps the delete to the newest month.
     */
    public void forget(List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(
                "delete from served_requests where id = any (?) and created_at > now() - interval '1 hour'")) {
            delete.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take back timed-out requests", e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the request's candidates", e);
        }
    }
}
