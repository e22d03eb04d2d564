package dev.loopwise.common.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which refusals of PostgreSQL pass if the request is asked again, told by their SQL state as PostgreSQL documents them. */
class PassingConflictTest {

    @Test
    void contentionPassesAndAMistakeDoesNot() {
        for (String state : new String[] {"40001", "40P01", "55P03", "57014", "53300"}) {
            assertTrue(PoolExhaustion.passingConflict(new RuntimeException(new SQLException("refused", state))), state);
        }
        // A unique key taken, a value too long, a missing table: the same request meets them again.
        for (String state : new String[] {"23505", "22001", "42P01", "08006"}) {
            assertFalse(PoolExhaustion.passingConflict(new SQLException("refused", state)), state);
        }
        assertFalse(PoolExhaustion.passingConflict(new SQLException("no state")));
        assertFalse(PoolExhaustion.passingConflict(new IllegalStateException("not the database")));
    }
}
