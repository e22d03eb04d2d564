package dev.loopwise.model.registry.training;

import dev.loopwise.model.encoder.EncoderRef;
import dev.loopwise.model.intent.IntentFineTuning;
import dev.loopwise.model.transformer.EncoderSource;
import dev.loopwise.model.transformer.tuning.FineTuneData;
import dev.loopwise.model.transformer.tuning.FineTuneResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code finetune} regime of a training run: the workspace's training tickets, the run's budget, progress and cancel. */
final class WorkspaceFineTune {
    /**
     * The share of a run's progress bar the fine-tune fills. Encoding the tickets again and training the reply policy
     * take seconds against its minutes, so a smaller share made the time left shown grow when they began.
     */
    static final double SHARE = 0.9;
    private WorkspaceFineTune() {
    }

    static FineTuneResult run(ModelTrainer.Settings settings, List<WorkspaceSnapshot.TicketInfo> train, List<String> labels, String oos,
                              TrainingEncoders encoders, EncoderRef base, ModelTrainer.Listener listener) {
        EncoderSource source = encoders.source(base);
        if (source == null) {
            throw new IllegalArgumentException("This training cannot fine-tune the encoder; choose another regime.");
        }
        String prefix = encoders.prefix(base);
        List<String> used = labels.stream().filter(l -> train.stream().anyMatch(t -> t.intent().equals(l))).toList();
        if (used.size() < labels.size()) {
            throw new IllegalArgumentException("Fine-tuning needs examples of every intent; "
                    + labels.stream().filter(l -> !used.contains(l)).toList() + " have none. Label tickets for them, or choose zero-shot.");
        }
        FineTuneData data = FineTuneData.of(train.stream().map(t -> prefix + t.text()).toList(),
                train.stream().map(WorkspaceSnapshot.TicketInfo::intent).toList(), List.of(), List.of(), oos);
        listener.step("Adjusting the reading model to your " + train.size() + " tickets", 0.02);
        Duration budget = settings.fineTuneBudget() == null || settings.fineTuneBudget().isZero() ? null : settings.fineTuneBudget();
        return IntentFineTuning.run(source, data, new IntentFineTuning.Settings(settings.minTrainedExamples(), settings.retention(),
                        settings.oosWeight(), budget, settings.seed()),
                (message, done) -> listener.step(message, 0.02 + (SHARE - 0.02) * done), listener::cancelled);
    }

    /** Examples of the in-scope intent with the fewest (0 when one has none). */
    static int fewestPerIntent(List<WorkspaceSnapshot.TicketInfo> train, List<String> labels, String oos) {
        return perIntent(train, labels, oos).stream().mapToInt(Integer::intValue).min().orElse(0);
    }

    /** Training examples of each in-scope intent. */
    static List<Integer> perIntent(List<WorkspaceSnapshot.TicketInfo> train, List<String> labels, String oos) {
        Map<String, Integer> counts = new HashMap<>();
        train.forEach(t -> counts.merge(t.intent(), 1, Integer::sum));
        return labels.stream().filter(l -> !l.equals(oos)).map(l -> counts.getOrDefault(l, 0)).toList();
    }
}
