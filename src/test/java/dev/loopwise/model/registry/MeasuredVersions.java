package dev.loopwise.model.registry;

import dev.loopwise.model.intent.IntentHead;
import dev.loopwise.model.registry.version.ModelVersion;
import java.util.LinkedHashMap;
import java.util.Map;

/** Model versions made by hand for tests of the advice on the Models page. */
final class MeasuredVersions {
    private MeasuredVersions() {
    }

    /** A version with its accuracy on {@code testTickets} held-out tickets, and more metrics as name, value pairs. */
    static ModelVersion version(int number, String status, double accuracy, int testTickets, Object... more) {
        ModelVersion v = new ModelVersion();
        v.version = number;
        v.status = status;
        v.regime = IntentHead.TRAINED;
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("intent/accuracy", accuracy);
        metrics.put("data/test_tickets", testTickets);
        metrics.put("policy/train_loss", 0.5); // trained with replies in the library, as versions are but one that a test strips of it
        for (int i = 0; i < more.length; i += 2) {
            metrics.put((String) more[i], more[i + 1]);
        }
        v.metrics = metrics;
        return v;
    }

    /** A new version numbered as the next one, with the encoder, regime, checksum and metrics of {@code original}. */
    static ModelVersion copyOf(ModelVersion original, String status, String createdBy) {
        ModelVersion copy = new ModelVersion();
        copy.version = ModelVersion.nextVersionNumber();
        copy.status = status;
        copy.encoderId = original.encoderId;
        copy.encoderSource = original.encoderSource;
        copy.regime = original.regime;
        copy.checksum = original.checksum;
        copy.metrics = new LinkedHashMap<>(original.metrics);
        copy.createdBy = createdBy;
        return copy;
    }
}
