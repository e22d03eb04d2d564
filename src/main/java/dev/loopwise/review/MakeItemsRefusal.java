package dev.loopwise.review;

import dev.loopwise.common.ApiException;
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

    /** Where the press lands: the page, saying why nothing was made, the count as typed in its field. */
    static URI address(ApiException refused, String typed, String user, SessionStamps stamps) {
        boolean mistyped = refused instanceof FormNumbers.Refused;
        Map<String, String> values = new HashMap<>();
        values.put(COUNT, typed);
        return RefusalAddress.of("/admin/review", PURPOSE, new Refusal(refused.status.getStatusCode(), refused.code,
                mistyped ? COUNT : null, mistyped ? refused.getMessage() + " " + ReviewAdminMessages.NOTHING_MADE : refused.getMessage(),
                values), user, Instant.now(), stamps);
    }

    static Optional<Refusal> read(UriInfo uri, String user, SessionStamps stamps) {
        return RefusalAddress.read(uri.getQueryParameters(), PURPOSE, List.of(COUNT), user, Instant.now(), stamps);
    }

    /** The form as the refusal left it: marked when its count was the mistake, the count as typed either way. */
    static MakeItemsForm form(Refusal refusal) {
        String typed = refusal.typed(COUNT);
        return COUNT.equals(refusal.field()) ? MakeItemsForm.refusing(typed)
                : typed == null || typed.isBlank() ? MakeItemsForm.SUGGESTED : new MakeItemsForm(typed, false);
    }
}
