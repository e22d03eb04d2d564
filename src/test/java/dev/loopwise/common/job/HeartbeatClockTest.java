package dev.loopwise.common.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A job's silence is judged against the database's clock ({@link JobRows#reclaim}: {@code heartbeat_at < now() - staleness}),
 * so every heartbeat must be written with that clock too: an instance whose own clock runs a few minutes behind would
 * otherwise write heartbeats that already look stale and see its live job failed by another instance, and one running
 * ahead would keep a dead job "running" for as long. Two clocks cannot be set apart in a test, so this reads every place a
 * heartbeat is written (training runs, rounds, replays, knowledge imports) and checks which clock it reads.
 */
class HeartbeatClockTest {
    private static final Pattern ENTITY_WRITE = Pattern.compile("\\.heartbeatAt\\s*=(?!=)\\s*([^;]+);");
    private static final Pattern SQL_WRITE = Pattern.compile("heartbeat_at\\s*=\\s*([a-z_]+\\(\\)|\\?\\d|:[a-zA-Z]+)");

    @Test
    void everyHeartbeatIsWrittenWithTheDatabaseClock() throws IOException {
        List<String> writes = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher entity = ENTITY_WRITE.matcher(source);
                while (entity.find()) {
                    writes.add(file.getFileName() + ": " + entity.group());
                    if (!entity.group(1).strip().equals("DatabaseClock.now()")) {
                        wrong.add(file.getFileName() + ": " + entity.group());
                    }
                }
                Matcher sql = SQL_WRITE.matcher(source);
                while (sql.find()) {
                    writes.add(file.getFileName() + ": " + sql.group());
                    if (!sql.group(1).equals("now()")) {
                        wrong.add(file.getFileName() + ": " + sql.group());
                    }
                }
            }
        }
        // Progress writes of training runs, rounds, replays and imports, and the claim and beat of JobRows.
        assertTrue(writes.size() >= 6, "heartbeat writes found: " + writes);
        assertTrue(writes.stream().anyMatch(w -> w.startsWith("RoundProgress.java"))
                && writes.stream().anyMatch(w -> w.startsWith("BackgroundReplays.java"))
                && writes.stream().anyMatch(w -> w.startsWith("KnowledgeImports.java")), "heartbeat writes found: " + writes);
        assertEquals(List.of(), wrong, "heartbeats written with the application's clock; use DatabaseClock.now() (or now() in SQL)");
    }
}
