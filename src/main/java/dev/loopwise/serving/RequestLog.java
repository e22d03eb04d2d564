package dev.loopwise.serving;

import dev.loopwise.model.registry.ServingModel;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.UUID;

/** Writes served requests (request, intent, confidence, reply, version, latency) in one batched insert. */
@ApplicationScoped
public class RequestLog {
    @Inject
    AgroalDataSource dataSource;

    public record Entry(UUID id, String endpoint, String text, String textHash, ServingModel.Decision decision,
                        int modelVersion, double latencyMs, String caller) {
    }

    public void write(List<Entry> entries) {
        String sql = "insert into served_requests (id, endpoint, text, text_hash, intent, confidence, out_of_scope, reply_id, "
                + "reply_text, model_version, latency_ms, caller) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Entry e : entries) {
                insert.setObject(1, e.id());
                insert.setString(2, e.endpoint());
                insert.setString(3, e.text());
                insert.setString(4, e.textHash());
                insert.setString(5, e.decision().intent().label());
                insert.setFloat(6, (float) e.decision().intent().confidence());
                insert.setBoolean(7, e.decision().intent().outOfScope());
                if (e.decision().reply() == null) {
                    insert.setNull(8, Types.BIGINT);
                } else {
                    insert.setLong(8, e.decision().reply().replyId());
                }
                insert.setString(9, e.decision().replyText());
                insert.setInt(10, e.modelVersion());
                insert.setFloat(11, (float) e.latencyMs());
                insert.setString(12, e.caller());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not log served requests", e);
        }
    }
}
