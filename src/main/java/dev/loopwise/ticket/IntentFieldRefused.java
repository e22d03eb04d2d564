package dev.loopwise.ticket;

import dev.loopwise.common.ApiException;

/**
 * The field of one row of the Intents page's list that a refused Save is about: the refused page marks it and puts the
 * cursor in it, so a lead who saved many rows at once finds the one to fix without reading every row.
 */
public record IntentFieldRefused(long intentId, String field) {
    /** Whether {@code name} ("name" or "description") of the row of intent {@code id} is the field at fault. */
    public boolean marks(Long id, String name) {
        return id != null && id == intentId && name.equals(field);
    }

    /** A refusal of one intent of the list, with the intent and its field at fault (none when no one field is). */
    static final class Refusal extends ApiException {
        final IntentFieldRefused at;

        Refusal(ApiException refused, long intentId, String message) {
            super(refused.status, refused.code, message);
            String field = WorkspaceFields.ofIntent(refused);
            this.at = field == null ? null : new IntentFieldRefused(intentId, field);
        }
    }
}
