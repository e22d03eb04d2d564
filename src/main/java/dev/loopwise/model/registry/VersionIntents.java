package dev.loopwise.model.registry;

import java.util.List;

/** The intents a version learned, read from its lineage, to tell what one version answers and another cannot. */
public final class VersionIntents {
    private VersionIntents() {
    }

    /** Intents {@code knowing} learned and {@code other} did not (the out-of-scope label aside), by name. */
    public static List<String> missing(ModelVersion other, ModelVersion knowing) {
        List<String> known = knowing.learnedIntents();
        List<String> theirs = other.learnedIntents();
        if (known.isEmpty() || theirs.isEmpty()) {
            return List.of(); // an older version without the list: nothing to say
        }
        return known.stream().filter(name -> !theirs.contains(name) && !name.equals(ModelTrainer.OUT_OF_SCOPE_LABEL)).toList();
    }

    public static String listed(List<String> names) {
        return names.size() <= 5 ? String.join(", ", names) : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    }
}
