package dev.loopwise.model.registry;

import dev.loopwise.model.registry.version.ModelVersion;
import io.quarkus.qute.TemplateExtension;

/** What the Promote and Roll back buttons of a version's page ask, and how loudly they offer themselves. */
@TemplateExtension
public class PromoteButtons {

    /** What the Promote and Roll back buttons ask before a version answers customers. */
    static String promoteQuestion(ModelVersion version) {
        return question(version, version.status.equals(ModelVersion.ACTIVE) ? null : ModelVersion.findActive().orElse(null));
    }

    /**
     * The question asked against {@code active} (null when none answers). The comparison already gives a round's verdict
     * when the version came from one: it is not said twice.
     */
    static String question(ModelVersion version, ModelVersion active) {
        String now = "v" + version.version + " will answer customers right away (you can roll back here).";
        String against = active == null ? "" : " " + VersionComparison.compare(version, active);
        if (!version.status.equals(ModelVersion.REJECTED)) {
            return "Make v" + version.version + " the version that answers customers? " + now + against;
        }
        String verdict = RoundVersionAdvice.roundVerdict(version);
        String why = against.contains(verdict) ? "" : ": the round did not show it to be better (" + verdict + ")";
        return "v" + version.version + " did not pass its round" + why + ". Make it answer customers anyway? " + now + against;
    }

    /**
     * The page's main button only when the page advises the switch (or nothing answers yet): a support lead told to keep
     * the active version is not drawn to Promote by its colour.
     */
    static String switchButtonClass(ModelVersion version) {
        ModelVersion active = version.status.equals(ModelVersion.ACTIVE) ? null : ModelVersion.findActive().orElse(null);
        return buttonClass(version, active);
    }

    static String buttonClass(ModelVersion version, ModelVersion active) {
        boolean advised = active == null || (!version.status.equals(ModelVersion.REJECTED) && VersionComparison.prefers(version, active));
        return advised ? "primary" : "secondary";
    }
}
