package dev.loopwise.common.runtime;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The launcher skips its database check when a note says an earlier start found the database ready
 * ({@code LOOPWISE_DB_READY_NOTE}). A start that ends before the application is up deletes the note, so a database
 * dropped or moved since is checked (and created) again at the next start instead of failing the same way twice.
 */
@ApplicationScoped
public class DatabaseReadyNote {
    private static volatile boolean started;

    /** Called by the launcher's serve and demo before the application starts. */
    public static void forgetIfStartFails() {
        String note = System.getenv("LOOPWISE_DB_READY_NOTE");
        if (note == null || note.isBlank()) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!started) {
                try {
                    Files.deleteIfExists(Path.of(note));
                } catch (IOException | RuntimeException e) {
                    // The next start then trusts the note and reports the database's failure itself.
                }
            }
        }, "loopwise-db-ready-note"));
    }

    void onStart(@Observes StartupEvent event) {
        started = true;
    }
}
