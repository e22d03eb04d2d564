package dev.loopwise.admin;

import io.quarkus.qute.TemplateExtension;

/** How the first-week steps read on the overview. */
@TemplateExtension
public class AdminFormats {

    static String mark(FirstWeek.Step step) {
        return step.done() ? "✔ done" : "to do";
    }

    static String css(FirstWeek.Step step) {
        return step.done() ? "step done" : "step todo";
    }
}
