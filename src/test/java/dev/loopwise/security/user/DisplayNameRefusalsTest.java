package dev.loopwise.security.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loopwise.common.AccountMessages;
import dev.loopwise.common.ApiException;
import org.junit.jupiter.api.Test;

/** A refused display name says what to fix, with the users page's and API's words kept in one place. */
class DisplayNameRefusalsTest {

    private static ApiException refused(String displayName) {
        ApiException e = assertThrows(ApiException.class, () -> NewAccount.checkedDisplayName(displayName));
        assertEquals("invalid_display_name", e.code);
        return e;
    }

    @Test
    void eachRefusalSaysWhatToFix() {
        assertEquals(AccountMessages.displayNameTooLong(NewAccount.MAX_DISPLAY_NAME),
                refused("x".repeat(NewAccount.MAX_DISPLAY_NAME + 1)).getMessage());
        assertEquals("A display name is at most 128 characters.", AccountMessages.displayNameTooLong(128));
        assertEquals(AccountMessages.DISPLAY_NAME_NOT_PLAIN, refused("Sam\tReviewer").getMessage());
        assertEquals(AccountMessages.DISPLAY_NAME_INVISIBLE, refused("\u200d").getMessage());
        assertEquals("Sam Reviewer", NewAccount.checkedDisplayName("  Sam Reviewer "));
        // Sent blank is a slip, as a blank username is; only a name left out shows the username.
        assertEquals(AccountMessages.DISPLAY_NAME_BLANK, refused("").getMessage());
        assertEquals(AccountMessages.DISPLAY_NAME_BLANK, refused(" \t ").getMessage());
    }
}
