package dev.loopwise.alignment.round;

import dev.loopwise.alignment.AlignmentConfig;
import dev.loopwise.common.http.FormNumbers;
import java.math.BigDecimal;
import java.util.Set;

/**
 * The start-a-round form as typed, shown again as typed when it is refused; {@code invalid} names the field refused
 * (null: none, or the refusal is about the form as a whole).
 */
public record RoundForm(String method, String beta, String policyEpochs, String rewardModel, String seed, String invalid) {
    static final FormNumbers.Field BETA = new FormNumbers.Field("beta", "β (how close to stay)", false);
    static final FormNumbers.Field POLICY_EPOCHS = new FormNumbers.Field("policyEpochs", "Policy epochs", false);
    static final FormNumbers.Field SEED = new FormNumbers.Field("seed", "Seed", false);
    /** Fields folded under "Advanced settings": the fold opens when one of them is refused, so the lead sees it. */
    private static final Set<String> ADVANCED = Set.of("beta", "policyEpochs", "rewardModel", "seed");

    static RoundForm defaults(AlignmentConfig config) {
        return new RoundForm(config.method(), new BigDecimal(Double.toString(config.beta())).stripTrailingZeros().toPlainString(),
                Integer.toString(config.policyEpochs()), config.rewardModel(), Long.toString(config.seed()), null);
    }

    /** The request the typed values make, empty fields taking the configured defaults; refused with the field named. */
    RoundResource.RoundRequest request() {
        Double b = FormNumbers.decimal(BETA, beta, RoundSettings.MIN_BETA, RoundSettings.MAX_BETA);
        Long epochs = FormNumbers.whole(POLICY_EPOCHS, policyEpochs, 1, RoundRequests.MAX_EPOCHS);
        Long s = FormNumbers.whole(SEED, seed, Long.MIN_VALUE, Long.MAX_VALUE);
        return new RoundResource.RoundRequest(blankAsNull(method), b, s, null, blankAsNull(rewardModel),
                epochs == null ? null : epochs.intValue(), null);
    }

    RoundForm refusing(String field) {
        return new RoundForm(method, beta, policyEpochs, rewardModel, seed, field);
    }

    public boolean advancedOpen() {
        return invalid != null && ADVANCED.contains(invalid);
    }

    public boolean isInvalid(String field) {
        return field.equals(invalid);
    }

    private static String blankAsNull(String typed) {
        return typed == null || typed.isBlank() ? null : typed;
    }
}
