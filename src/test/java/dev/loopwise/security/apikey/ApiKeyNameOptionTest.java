package dev.loopwise.security.apikey;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loopwise.cli.LoopwiseCommand;
import dev.loopwise.security.NewApiKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code api-key create --name} given empty or as spaces (a script's {@code --name "$LABEL"} with LABEL unset) made a key
 * named "command line" the script never asked for; one longer than a key's name may be was refused only once the database
 * answered, in the API's words. Both are refused by the option's name, before the database is reached.
 */
class ApiKeyNameOptionTest {
    @Test
    void anEmptyBlankOrOverLongNameIsRefusedByTheOptionsName() {
        String[][] refused = {{"", "loopwise: --name is empty: give a label to recognise it by, or leave --name out for 'command line'"
                + " (numbered when taken)."},
            {"   ", "loopwise: --name is only spaces: give a label to recognise it by, or leave --name out for 'command line'"
                    + " (numbered when taken)."},
            {"k".repeat(101), "loopwise: --name has 101 characters: it takes at most 100; give a shorter label."},
            // Counted in characters as typed, not in UTF-16 units: 101 emoji are 202 of those.
            {"\uD83D\uDD11".repeat(101), "loopwise: --name has 101 characters: it takes at most 100; give a shorter label."}};
        for (String[] name : refused) {
            // Checked directly: a check that let the name through would fail here rather than go on to the command's exit.
            ApiKeyCommand.Create create = new ApiKeyCommand.Create();
            create.username = "no-such-user";
            create.name = name[0];
            IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class, create::checkOptions, "'" + name[0] + "'");
            assertEquals(name[1], "loopwise: " + refusal.getMessage());
        }
        // The whole command once: the refusal reaches the terminal with exit code 2, before an account that does not exist
        // would have been looked up in the database.
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream before = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = LoopwiseCommand.commandLine().execute("api-key", "create", "--user", "no-such-user", "--name", refused[1][0]);
        } finally {
            System.setErr(before);
        }
        assertEquals(2, exit);
        assertEquals(refused[1][1], err.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void aNameOfAtMostAHundredCharactersWithSpacesAroundItIsTaken() {
        ApiKeyCommand.Create create = new ApiKeyCommand.Create();
        create.username = "admin";
        for (String name : new String[] {"x", " " + "k".repeat(100) + " ", "\uD83D\uDD11".repeat(100)}) {
            create.name = name;
            assertDoesNotThrow(create::checkOptions, name);
            // And the key made with it is named as typed, without the spaces around it.
            assertEquals(name.strip(), NewApiKey.issue(name, null).name(), name);
        }
    }
}
