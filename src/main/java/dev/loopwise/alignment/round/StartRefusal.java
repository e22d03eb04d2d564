package dev.loopwise.alignment.round;

import dev.loopwise.common.ApiException;
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

/** A refused Start round press, carried to Rounds' own address with the form as typed (see {@link RefusalAddress}). */
final class StartRefusal {
    private static final String PURPOSE = "round start refused";
    private static final List<String> FIELDS = List.of("method", "beta", "policyEpochs", "rewardModel", "seed");

    private StartRefusal() {
    }

    /**
     * The refusal of a press, as the page shows it. Too few judgements carries no sentence: the page words it from the
     * counts it reads, as the next step; any other refusal carries the sentence the form shows.
     */
    static Refusal of(ApiException refused, RoundForm typed) {
        String field = refused instanceof FormNumbers.Refused mistyped ? mistyped.field : null;
        String error = RoundsPage.waitsForJudgements(refused) ? null : field != null ? refused.getMessage() + " " + RoundFormats.NOT_STARTED
                : RoundFormats.asOnTheForm(refused.getMessage());
        Map<String, String> values = new HashMap<>();
        values.put("method", typed.method());
        values.put("beta", typed.beta());
        values.put("policyEpochs", typed.policyEpochs());
        values.put("rewardModel", typed.rewardModel());
        values.put("seed", typed.seed());
        return new Refusal(refused.status.getStatusCode(), refused.code, field, error, values);
    }

    /** Where the press lands; empty when the values typed make the address too long to follow. */
    static Optional<URI> address(Refusal refusal, String user, SessionStamps stamps) {
        return RefusalAddress.of("/admin/rounds", PURPOSE, refusal, user, Instant.now(), stamps);
    }

    static Optional<Refusal> read(UriInfo uri, String user, SessionStamps stamps) {
        return RefusalAddress.read(uri.getQueryParameters(), PURPOSE, FIELDS, user, Instant.now(), stamps);
    }

    /** The form as it was sent, the refused field marked. */
    static RoundForm form(Refusal refusal) {
        return new RoundForm(refusal.typed("method"), refusal.typed("beta"), refusal.typed("policyEpochs"), refusal.typed("rewardModel"),
                refusal.typed("seed"), refusal.field());
    }

    static boolean waitsForJudgements(Refusal refusal) {
        return RoundService.TOO_FEW_JUDGEMENTS.equals(refusal.code()) || RoundService.NO_JUDGEMENTS.equals(refusal.code());
    }

    /**
     * Whether the refusal still holds when the page is shown again: one for too few judgements does not once reviewers
     * have made enough meanwhile (the address is read for minutes), and the page then offers the start as it is.
     */
    static boolean stillHolds(Refusal refusal, long judgements, long imported) {
        return !waitsForJudgements(refusal) || judgements + imported < RoundService.MIN_COMPARISONS;
    }
}
