package dev.loopwise.model.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.loopwise.model.intent.IntentHead;
import dev.loopwise.model.registry.version.ModelVersion;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A version is stored under its head's regime name (zero_shot, few_shot, trained) but reported under the name a
 * training is asked for (the Train button, POST /api/v1/models/train, eval-intents), so one name means one thing.
 */
class RegimeNamesTest {
    @Test
    void storedNamesAreReportedAsTheNamesATrainingIsAskedFor() {
        Map<String, String> shown = Map.of(IntentHead.ZERO_SHOT, "zero-shot", IntentHead.FEW_SHOT, "prototypes",
                IntentHead.TRAINED, "linear", IntentHead.FINETUNE, "finetune", "linear", "linear", "prototypes", "prototypes");
        for (Map.Entry<String, String> name : shown.entrySet()) {
            ModelVersion stored = MeasuredVersions.version(7, ModelVersion.CANDIDATE, 0.9, 40, "intent/regime", name.getKey());
            stored.regime = name.getKey();
            ModelResource.VersionView view = ModelResource.VersionView.of(stored);
            assertEquals(name.getValue(), view.regime(), name.getKey());
            assertEquals(name.getValue(), view.metrics().get("intent/regime"), name.getKey());
            // Read as stored: the row keeps its name, and the metrics beside it are untouched.
            assertEquals(name.getKey(), stored.metrics.get("intent/regime"));
            assertEquals(0.9, view.metrics().get("intent/accuracy"));
        }
    }

    @Test
    void aNameNeitherKnowsIsReportedAsStored() {
        ModelVersion odd = MeasuredVersions.version(8, ModelVersion.RETIRED, 0.8, 40);
        odd.regime = "nearest_centroid";
        ModelResource.VersionView view = ModelResource.VersionView.of(odd);
        assertEquals("nearest_centroid", view.regime());
        assertNull(view.metrics().get("intent/regime"), "no regime metric is made up");
        odd.regime = null;
        odd.metrics = null;
        assertNull(ModelResource.VersionView.of(odd).regime());
    }
}
