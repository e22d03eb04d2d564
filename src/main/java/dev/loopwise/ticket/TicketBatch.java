package dev.loopwise.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
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
    private static final String LABEL = "update tickets set intent_id = ?, split = ? where id = ?";
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
                if (!labellings.isEmpty()) {
                    label.executeBatch();
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
