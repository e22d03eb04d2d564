package dev.loopwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a command's --help tells someone who has to script it: what it prints and what its exit codes mean. */
class CommandHelpTest {
    @Test
    void dbInitSaysWhatEachExitCodeMeansAndWhatItPrintsOnStdout() {
        CommandFilesTest.Printed help = CommandFilesTest.run("db-init", "--help");
        assertEquals(0, help.exit(), help.err());
        // It said only "Create the configured database and role if they are missing.", and exit 3 came with bare SQL on stdout.
        String said = help.out().replaceAll("\\s+", " ");
        assertTrue(said.contains("Exit code 0: the database answers (or was just created). 1: the address is not a PostgreSQL one,"
                + " PostgreSQL cannot be reached, or it refused the password; stderr says which. 3: the database is missing and no superuser could create it: the SQL to run as one"
                + " is printed on stdout, one statement a line"), said);
    }
}
