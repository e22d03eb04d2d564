package dev.loopwise.review.item;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * The SQL the application sends while a test records on its own thread, so that a test can ask PostgreSQL about the very
 * statement a method runs rather than about a copy of it. Passes every statement on unchanged.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class RecordedStatements implements StatementInspector {
    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    /** The statements {@code work} sent, in order. */
    static List<String> of(Runnable work) {
        List<String> sent = new ArrayList<>();
        RECORDING.set(sent);
        try {
            work.run();
        } finally {
            RECORDING.remove();
        }
        return sent;
    }

    @Override
    public String inspect(String sql) {
        List<String> sent = RECORDING.get();
        if (sent != null) {
            sent.add(sql);
        }
        return sql;
    }
}
