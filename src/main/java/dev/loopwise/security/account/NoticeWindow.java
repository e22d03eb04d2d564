package dev.loopwise.security.account;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A notice a page shows after a redirect ("your password is changed", "the key is revoked") is read from the address, which
 * a link can hold too: it is shown only while what it reports has just happened, so a link cannot plant it later.
 */
public final class NoticeWindow {
    /** Long enough for a slow redirect and a reload or two of the answer. */
    private static final Duration RECENT = Duration.ofMinutes(10);

    private NoticeWindow() {
    }

    public static boolean justNow(OffsetDateTime happenedAt) {
        return happenedAt != null && happenedAt.isAfter(OffsetDateTime.now().minus(RECENT));
    }
}
