package dev.loopwise.model.registry.version;

import dev.loopwise.common.runtime.RunMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Switches this instance's served model as soon as any instance changes the active version: every switch
 * sends a PostgreSQL notification on {@link #CHANNEL} at commit ({@link ModelActivation#swap}), and this thread
 * listens on a connection of its own (outside the pool: a listening connection is held for good). Should the
 * connection drop, it reconnects; meanwhile the registry's periodic check still catches the change.
 */
@ApplicationScoped
public class ActiveVersionListener {
    static final String CHANNEL = "loopwise_active_version";
    private static final Logger LOG = Logger.getLogger(ActiveVersionListener.class);
    private static final int WAIT_MILLIS = 500;

    @Inject
    ModelRegistry registry;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private volatile boolean running;
    private Thread thread;
    private final AtomicLong heard = new AtomicLong();

    void start(@Observes StartupEvent event) {
        if (RunMode.isCommand()) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "loopwise-active-version-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Notifications received so far (for tests: the switch came by notification, not by the periodic check). */
    long heard() {
        return heard.get();
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                registry.sync(); // a switch made while this connection was down
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        heard.addAndGet(notifications.length);
                        registry.sync();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Listening for active-version changes failed (%s); retrying in 2 s", e.getMessage());
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
