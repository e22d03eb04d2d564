package dev.loopwise.model.registry;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.Messages;
import dev.loopwise.common.text.WholeNumbers;

/**
 * The active version the Models page showed when a promotion or rollback was asked for there: left out or empty (nothing
 * was active, or an old form) checks nothing. Any other value did not come from the page, and reading it as none would
 * switch the served version without the check it asked for; it is refused saying what the field is for. (The API reads
 * its query parameter by the rule every number in an address follows, and bean validation holds it to 1 or more.)
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
