package dev.loopwise.ticket;

import dev.loopwise.common.ApiException;

/**
 * The field of "Add an intent" or "Add a reply" that a refusal is about, named as the form names it: the refused page marks
 * that field and puts the cursor in it, so a person who cannot see the page knows where to type. Null: no one field is.
 */
final class WorkspaceFields {
    private WorkspaceFields() {
    }

    static String ofIntent(ApiException refused) {
        return switch (code(refused)) {
            case "invalid_intent_name", "intent_exists", "out_of_scope_intent" -> "name";
            case "invalid_intent_description", "missing_intent_description" -> "description";
            default -> null;
        };
    }

    static String ofReply(ApiException refused) {
        return switch (code(refused)) {
            case "unknown_intent", "out_of_scope_reply" -> "intent";
            case "empty_reply", "reply_too_long", "invalid_reply", "invalid_slot", "reply_exists" -> "text";
            default -> null;
        };
    }

    private static String code(ApiException refused) {
        return refused.code == null ? "" : refused.code;
    }
}
