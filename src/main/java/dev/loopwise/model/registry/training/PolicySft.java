package dev.loopwise.model.registry.training;

import dev.loopwise.model.intent.IntentHead;
import dev.loopwise.model.policy.PolicyFeatures;
import dev.loopwise.model.policy.PolicyTrainer;
import dev.loopwise.model.policy.ReplyPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reply policy π_ref by supervised fine-tuning: each agent's historical reply is a target over the library
 * replies it resembles, on top of the intent classifier's prior. Its metrics are measured on the held-out tickets.
 */
final class PolicySft {
    /** How sharply an agent's reply picks the library reply it resembles most. */
    private static final double SFT_TEMPERATURE = 0.05;

    private PolicySft() {
    }

    /** The policy, null when no training ticket has an agent's reply to learn from; its metrics go into {@code metrics}. */
    static ReplyPolicy train(ModelTrainer.Settings settings, WorkspaceSnapshot workspace, IntentHead intent,
                             List<WorkspaceSnapshot.TicketInfo> train, List<WorkspaceSnapshot.TicketInfo> test, EncodedWorkspace encoded,
                             ModelTrainer.Listener listener, Map<String, Object> metrics) {
        ReplyPolicy policy = null;
        float[][] vectors = encoded.vectors();
        int[] trainRows = encoded.trainRows();
        int[] responseRows = encoded.responseRows();
        int[] replyRows = encoded.replyRows();
        float[][] replyEmbeddings = TextTable.pick(vectors, replyRows);
        float[][] replyVectors = new float[replyRows.length][];
        for (int a = 0; a < replyRows.length; a++) {
            replyVectors[a] = PolicyFeatures.reply(vectors[replyRows[a]], workspace.replies().get(a).text());
        }
        List<String> replyIntents = workspace.replies().stream().map(WorkspaceSnapshot.ReplyInfo::intent).toList();
        List<float[]> policyTickets = new ArrayList<>();
        List<float[]> policyTargets = new ArrayList<>();
        List<float[]> policyPriors = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            float[] target = PolicyTargets.fromAgentReply(train.get(i).intent(), responseRows[i] < 0 ? null : vectors[responseRows[i]],
                    replyEmbeddings, replyIntents, SFT_TEMPERATURE);
            if (target != null) {
                float[] x = vectors[trainRows[i]];
                policyTickets.add(PolicyFeatures.ticket(x, train.get(i).text()));
                policyTargets.add(target);
                policyPriors.add(toFloat(ReplyPolicy.logPrior(intent, x, replyIntents)));
            }
        }
        if (!policyTickets.isEmpty()) {
            listener.step("Fine-tuning the reply policy on " + policyTickets.size() + " agent replies", 0.6);
            PolicyTrainer.Result fitted = PolicyTrainer.train(
                    PolicyTrainer.Config.defaults(settings.policyHidden(), settings.policyEpochs(), settings.seed()),
                    new PolicyTrainer.Data(policyTickets.toArray(float[][]::new), replyVectors, policyTargets.toArray(float[][]::new),
                            policyPriors.toArray(float[][]::new)));
            policy = fitted.policy();
            metrics.put("policy/train_loss", fitted.finalLoss());
            if (!test.isEmpty()) {
                metrics.putAll(PolicyTargets.evaluate(policy, intent, test, TextTable.pick(vectors, encoded.testRows()), encoded.texts(),
                        vectors, replyEmbeddings, replyVectors, replyIntents, SFT_TEMPERATURE));
            }
        }
        return policy;
    }

    private static float[] toFloat(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
