package dev.loopwise.model.transformer.tuning;

import dev.loopwise.model.transformer.bert.TunedEncoderWeights;
import java.util.List;
import java.util.Map;

/**
 * What a fine-tune produced: the tuned layers (serve them through ONNX Runtime with
 * {@link dev.loopwise.model.transformer.onnx.OnnxEncoderSession} and {@link TunedEncoderWeights#onnxInitializers}, or reload them into
 * {@link dev.loopwise.model.transformer.bert.BertEncoder}), the head and threshold on the tuned vectors, and how the run went.
 *
 * @param regime    {@code finetune} (end-to-end cross-entropy) or {@code finetune_contrastive} (SetFit-style)
 * @param stop      {@code COMPLETED}, {@code EARLY_STOPPING} or {@code TIME_BUDGET}
 * @param bestEpoch the epoch whose weights these are
 * @param metrics   the final metrics: {@code eval/*} on the validation (or held-out) rows at the chosen epoch,
 *                  {@code probe/*} of the frozen encoder's head where one was fitted, {@code train/*}, and
 *                  {@code time/*} in seconds per stage ({@code time/total_s}, {@code time/cpu_s})
 * @param history   the metrics of every epoch of the tuning stage
 */
public record FineTuneResult(String regime, TunedEncoderWeights weights, ClassifierHead head, FineTunePlan plan,
                             String stop, int epochs, int bestEpoch, Map<String, Double> metrics,
                             List<Map<String, Double>> history) {
    public static final String FINETUNE = "finetune";
    public static final String FINETUNE_CONTRASTIVE = "finetune_contrastive";

    public FineTuneResult {
        metrics = Map.copyOf(metrics);
        history = List.copyOf(history);
    }
}
