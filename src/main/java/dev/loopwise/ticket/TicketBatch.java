package dev.loopwise.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.WorkspaceMessages;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hibernate.Session;

/**
 * An import's writes, sent to PostgreSQL a batch at a time in the import's own transaction (so a file stays all or nothing).
 * A ticket's key is an identity, so Hibernate sends each persisted ticket alone and waits for its id: 15,000 tickets were
 * 15,000 round trips, each firing the tickets' counting trigger once. Nothing here reads an id back, and the datasource's
 * {@code reWriteBatchedInserts} turns each batch into a few multi-row statements.
 */
final class TicketBatch {
    private static final String INSERT = "insert into tickets (text, text_hash, intent_id, response, split, source, metadata, created_at)"
            + " values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)";
    // Only a ticket still without an intent: one labelled by hand or by a reviewer while the import ran keeps its label.
    private static final String LABEL = "update tickets set intent_id = ?, split = ? where id = ? and intent_id is null";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Labelling(long ticket, long intent, String split) {
    }

    private final List<Ticket> inserts = new ArrayList<>();
    private final List<Labelling> labellings = new ArrayList<>();

    void insert(Ticket ticket) {
        inserts.add(ticket);
        if (inserts.size() >= TicketImporter.WRITE_BATCH) {
            write();
        }
    }

    /** Gives a stored ticket without an intent the file's label. */
    void label(long ticket, Intent intent, String split) {
        labellings.add(new Labelling(ticket, intent.id, split));
        if (labellings.size() >= TicketImporter.WRITE_BATCH) {
            write();
        }
    }

    /** Sends what waits; intents the import created are flushed first, since the tickets refer to them. */
    void write() {
        if (inserts.isEmpty() && labellings.isEmpty()) {
            return;
        }
        Session session = Ticket.getEntityManager().unwrap(Session.class);
        session.flush();
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT);
                 PreparedStatement label = connection.prepareStatement(LABEL)) {
                for (Ticket ticket : inserts) {
                    insert.setString(1, ticket.text);
                    insert.setString(2, ticket.textHash);
                    if (ticket.intent == null) {
                        insert.setNull(3, Types.BIGINT);
                    } else {
                        insert.setLong(3, ticket.intent.id);
                    }
                    insert.setString(4, ticket.response);
                    insert.setString(5, ticket.split);
                    insert.setString(6, ticket.source);
                    insert.setString(7, json(ticket));
                    insert.setObject(8, ticket.createdAt);
                    insert.addBatch();
                }
                for (Labelling labelling : labellings) {
                    label.setLong(1, labelling.intent());
                    label.setString(2, labelling.split());
                    label.setLong(3, labelling.ticket());
                    label.addBatch();
                }
                if (!inserts.isEmpty()) {
                    insert.executeBatch();
                }
                if (!labellings.isEmpty() && Arrays.stream(label.executeBatch()).anyMatch(rows -> rows == 0)) {
                    throw ApiException.conflict("ticket_changed", WorkspaceMessages.LABELLED_MEANWHILE);
                }
            }
        });
        inserts.clear();
        labellings.clear();
    }

    private static String json(Ticket ticket) {
        try {
            return JSON.writeValueAsString(ticket.metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A ticket's other columns are strings and always written as JSON", e);
        }
    }
}
