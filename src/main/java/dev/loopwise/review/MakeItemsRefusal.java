package dev.loopwise.review;

import dev.loopwise.common.ReviewAdminMessages;
import dev.loopwise.common.http.FormNumbers;
import dev.loopwise.security.SessionStamps;
import dev.loopwise.security.account.RefusalAddress;
import dev.loopwise.security.account.RefusalAddress.Refusal;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A refused Make items press, carried to Review quality's own address (see {@link RefusalAddress}). */
final class MakeItemsRefusal {
    private static final String PURPOSE = "review make items refused";
    static final String COUNT = "count";

    private MakeItemsRefusal() {
    }

    /** A mistyped count, as the page shows it: why nothing was made, the count as typed marked in its field. */
    static Refusal of(FormNumbers.Refused refused, String typed) {
        Map<String, String> values = new HashMap<>();
        values.put(COUNT, typed);
        return new Refusal(refused.status.getStatusCode(), refused.code, COUNT, refused.getMessage() + " " + ReviewAdminMessages.NOTHING_MADE,
                values);
    }

    /** Where the press lands; empty when the count typed makes the address too long to follow. */
    static Optional<URI> address(Refusal refusal, String user, SessionStamps stamps) {
        return RefusalAddress.of("/admin/review", PURPOSE, refusal, user, Instant.now(), stamps);
    }

    static Optional<Refusal> read(UriInfo uri, String user, SessionStamps stamps) {
        return RefusalAddress.read(uri.getQueryParameters(), PURPOSE, List.of(COUNT), user, Instant.now(), stamps);
    }

    /** The form as the refusal left it: the count as typed, marked. */
    static MakeItemsForm form(Refusal refusal) {
        return MakeItemsForm.refusing(refusal.typed(COUNT));
    }
}
