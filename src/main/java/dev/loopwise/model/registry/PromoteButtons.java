package dev.loopwise.model.registry;

import dev.loopwise.model.registry.ComparisonAdvice.Verdict;
import dev.loopwise.model.registry.ModelsPage.VersionList;
import dev.loopwise.model.registry.version.ModelVersion;
import io.quarkus.qute.TemplateExtension;

/** What the Promote and Roll back buttons of a version's page ask, and how loudly they offer themselves. */
@TemplateExtension
public class PromoteButtons {

    /** What a row's Promote and Roll back buttons ask, against the active version the list read once for all its rows. */
    static String questionOn(ModelVersion version, VersionList list) {
        ModelVersion active = list.active();
        return question(version, active == null || active.version == version.version ? null : active);
    }

    /**
     * The question asked against {@code active} (null when none answers). The comparison already gives a round's verdict
     * when the version came from one: it is not said twice.
     */
    static String question(ModelVersion version, ModelVersion active) {
        return question(version, active, active == null ? null : VersionComparison.advise(version, active));
    }

    /** {@code advice}: the comparison with {@code active}, weighed once for the whole page (null when none answers). */
    static String question(ModelVersion version, ModelVersion active, ComparisonAdvice advice) {
        String now = "v" + version.version + " will answer customers right away (you can roll back here).";
        String against = active == null ? "" : " " + advice.text();
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
    static String buttonClass(ModelVersion version, ModelVersion active) {
        return buttonClass(version, active, active == null ? null : VersionComparison.advise(version, active));
    }

    static String buttonClass(ModelVersion version, ModelVersion active, ComparisonAdvice advice) {
        boolean advised = active == null || (!version.status.equals(ModelVersion.REJECTED) && advice.verdict() == Verdict.SWITCH);
        return advised ? "primary" : "secondary";
    }
}
