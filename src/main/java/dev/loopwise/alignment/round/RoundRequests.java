package dev.loopwise.alignment.round;

import dev.loopwise.alignment.AlignmentConfig;
import dev.loopwise.alignment.reward.RewardTrainer;
import dev.loopwise.common.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Turns a round request (with defaults from configuration) into validated settings, and back into a description. */
public final class RoundRequests {
    static final double REWARD_LEARNING_RATE = 0.003;
    static final int REWARD_BATCH = 64;

    private RoundRequests() {
    }

    /** The configured defaults as settings, for rounds started without a request (by monitoring). */
    @ApplicationScoped
    public static class Defaults {
        @Inject
        AlignmentConfig config;

        public RoundSettings settings() {
            return RoundRequests.settings(config, null);
        }
    }

    static final int MAX_EPOCHS = 10_000;

    /** @param request method and optional overrides: beta, seed, rewardEpochs, rewardModel, policyEpochs, replaySample */
    static RoundSettings settings(AlignmentConfig defaults, RoundResource.RoundRequest request) {
        // Names in any case, as the training regime is taken: DPO is how papers and libraries write it.
        String method = lower(request == null || request.method() == null ? defaults.method() : request.method());
        if (request != null && request.rewardEpochs() != null && (request.rewardEpochs() < 1 || request.rewardEpochs() > MAX_EPOCHS)) {
            // The reward model's training has no deadline: a huge count would hold the training slot for days.
            throw ApiException.badRequest("invalid_round", "rewardEpochs must be between 1 and " + MAX_EPOCHS + ".");
        }
        try {
            long seed = request == null || request.seed() == null ? defaults.seed() : request.seed();
            return new RoundSettings(method, request == null || request.beta() == null ? defaults.beta() : request.beta(), seed,
                    new RewardTrainer.Config(defaults.rewardHidden(),
                            request == null || request.rewardEpochs() == null ? defaults.rewardEpochs() : request.rewardEpochs(),
                            REWARD_LEARNING_RATE, REWARD_BATCH, seed),
                    lower(request == null || request.rewardModel() == null ? defaults.rewardModel() : request.rewardModel()),
                    request == null || request.policyEpochs() == null ? defaults.policyEpochs() : request.policyEpochs(),
                    defaults.heldOutShare(), defaults.minRewardAccuracy(), defaults.maxIntentDrop(), defaults.maxKl(),
                    request == null ? null : request.replaySample());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_round", e.getMessage() + ".");
        }
    }

    /** The settings a queued round was stored with ({@link #describe}), for whichever instance runs it. */
    static RoundSettings fromDescription(Map<String, Object> d) {
        long seed = number(d, "seed").longValue();
        return new RoundSettings((String) d.get("method"), number(d, "beta").doubleValue(), seed,
                new RewardTrainer.Config(number(d, "rewardHidden").intValue(), number(d, "rewardEpochs").intValue(), REWARD_LEARNING_RATE,
                        REWARD_BATCH, seed),
                // Rounds queued before the reward model was a setting used the vector model.
                d.get("rewardModel") instanceof String model ? model : RoundSettings.VECTOR_REWARD,
                number(d, "policyEpochs").intValue(), number(d, "heldOutShare").doubleValue(), number(d, "minRewardAccuracy").doubleValue(),
                number(d, "maxIntentDrop").doubleValue(), number(d, "maxKl").doubleValue(),
                d.get("replaySample") instanceof Number replay ? replay.intValue() : null);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static Number number(Map<String, Object> description, String key) {
        return (Number) description.get(key);
    }

    /** The same settings, read back from the database or not (JSON turns a long into an int, a 0.5 into a double). */
    static boolean same(Map<String, Object> a, Map<String, Object> b) {
        if (b == null || !a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.keySet().stream().allMatch(key -> a.get(key) instanceof Number x && b.get(key) instanceof Number y
                ? Double.compare(x.doubleValue(), y.doubleValue()) == 0 : Objects.equals(a.get(key), b.get(key)));
    }

    static Map<String, Object> describe(RoundSettings s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", s.method());
        out.put("beta", s.beta());
        out.put("seed", s.seed());
        out.put("rewardEpochs", s.reward().epochs());
        out.put("rewardHidden", s.reward().hidden());
        out.put("rewardModel", s.rewardModel());
        out.put("policyEpochs", s.policyEpochs());
        out.put("heldOutShare", s.heldOutShare());
        out.put("minRewardAccuracy", s.minRewardAccuracy());
        out.put("maxIntentDrop", s.maxIntentDrop());
        out.put("maxKl", s.maxKl());
        if (s.replaySample() != null) {
            out.put("replaySample", s.replaySample());
        }
        return out;
    }
}
