package dev.loopwise.model.registry;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.Messages;
import dev.loopwise.common.text.WholeNumbers;

/**
 * The active version a promotion or rollback was decided on, as the Models page and API callers send it: left out (or empty,
 * as from a page shown while nothing was active) checks nothing. Any other value did not come from the page, and reading
 * it as none would switch the served version without the check it asked for; it is refused saying what the parameter is
 * for, which "ids are plain numbers" would not.
 */
final class ExpectedActive {
    private ExpectedActive() {
    }

    static Integer parse(String expectedActive) {
        if (expectedActive == null || expectedActive.isBlank()) {
            return null;
        }
        String typed = expectedActive.strip();
        long version = WholeNumbers.isPlain(typed) && typed.length() <= 10 ? Long.parseLong(typed) : 0;
        if (version < 1 || version > Integer.MAX_VALUE) {
            throw ApiException.badRequest("validation_failed", "expectedActive " + Messages.EXPECTED_ACTIVE);
        }
        return (int) version;
    }
}
