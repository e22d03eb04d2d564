package dev.loopwise.monitoring.drift;

import io.quarkus.qute.TemplateExtension;

/**
 * The Drift page's "Make it an intent" forms: empty and fully ticked as offered, or, for the one whose sending was
 * refused, open with what was typed.
 */
@TemplateExtension(namespace = "topic")
public class TopicFormFormats {

    /** Whether this alert's form is the refused one (typed: null when no form was refused). */
    static boolean refused(TypedTopic typed, DriftFormats.AlertGroup group) {
        return typed != null && typed.belongsTo(group);
    }

    static String name(TypedTopic typed, DriftFormats.AlertGroup group) {
        return refused(typed, group) ? typed.name() : "";
    }

    static String description(TypedTopic typed, DriftFormats.AlertGroup group) {
        return refused(typed, group) ? typed.description() : "";
    }

    /** Every example is offered ticked; in the refused form, as the lead left it. */
    static boolean ticked(TypedTopic typed, DriftFormats.AlertGroup group, String example) {
        return !refused(typed, group) || typed.examples().contains(example);
    }
}
