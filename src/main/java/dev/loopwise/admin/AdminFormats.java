package dev.loopwise.admin;

import dev.loopwise.ticket.Ticket;
import io.quarkus.qute.TemplateExtension;

/** How the first-week steps and the tickets' table read. */
@TemplateExtension
public class AdminFormats {

    static String mark(FirstWeek.Step step) {
        return step.done() ? "✔ done" : "to do";
    }

    static String css(FirstWeek.Step step) {
        return step.done() ? "step done" : "step todo";
    }

    /**
     * What a ticket is for, in words: its split ({@code train} or {@code test}) is a term of the trade, and a lead reading
     * "test" beside a real customer's ticket would not guess that the model is only measured on it. A ticket used for
     * neither says why in words: a bare dash read as a missing value, on a phone without its column's heading above it.
     * A labelled ticket without a split is trained on like a {@code train} one, so it reads as learning too.
     */
    static String usedFor(Ticket ticket) {
        if (ticket.intent == null) {
            return "nothing until it has an intent";
        }
        return "test".equals(ticket.split) ? "checking the model" : "learning";
    }

    /** Where a ticket came from, in words: the stored codes ({@code import}, {@code traffic}, ...) are the API's. */
    static String cameFrom(Ticket ticket) {
        if (ticket.source == null) {
            return "—";
        }
        return switch (ticket.source) {
            case Ticket.SOURCE_IMPORT -> "imported file";
            case Ticket.SOURCE_DEMO -> "demo data";
            case Ticket.SOURCE_TRAFFIC -> "served request";
            case "review" -> "labelled in review";
            case "drift" -> "new topic (drift)";
            default -> ticket.source.replace('_', ' ');
        };
    }
}
