package dev.loopwise.ticket;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.WorkspaceMessages;
import dev.loopwise.common.text.PlainText;

/**
 * The names an intent may not take: another intent's (in any case, or apart only by spaces, underscores or hyphens), one
 * another intent had before a rename, or any new name for the out-of-scope intent.
 */
final class IntentNameRules {
    private IntentNameRules() {
    }

    /**
     * Why a name that breaks {@link Intent#NAME} is refused, in the terms of what to change: the rule alone said "letters",
     * and a lead whose name held an ü or an Arabic letter could not see what was wrong.
     */
    static String whatIsWrong(String cleanName) {
        if (cleanName.isEmpty()) {
            return WorkspaceMessages.INTENT_NAME_EMPTY;
        }
        if (PlainText.length(cleanName) > 100) {
            return WorkspaceMessages.intentNameTooLong(PlainText.length(cleanName));
        }
        for (int i = 0, at = 0; i < cleanName.length(); i += Character.charCount(cleanName.codePointAt(i)), at++) {
            int c = cleanName.codePointAt(i);
            boolean letterOrDigit = c < 128 && Character.isLetterOrDigit(c);
            if (at == 0 ? !letterOrDigit : !letterOrDigit && " _.:/-".indexOf(c) < 0) {
                // A control or direction mark is named by its code: raw, no one sees it, and it turns the message around.
                return WorkspaceMessages.intentNameCharacter(PlainText.quoted(new String(Character.toChars(c))), at == 0);
            }
        }
        return WorkspaceMessages.INTENT_NAME_RULE;
    }

    /** Refuses {@code cleanName} for {@code intent} (a new one when its id is null) with the conflict that names the reason. */
    static void check(Intent intent, String cleanName) {
        Intent.findByNameIgnoringCase(cleanName).filter(other -> !other.id.equals(intent.id)).ifPresent(other -> {
            throw ApiException.conflict("intent_exists", other.name.equals(cleanName) ? "An intent named '" + cleanName + "' already exists."
                    : "The intent '" + other.name + "' already exists: names that differ only in upper and lower case count as the"
                    + " same name.");
        });
        // Case aside, "Track Order" beside track_order is one request under two names: imports refuse such a label, so
        // the page must not create the pair (a label typed either way would land on whichever intent matched its case).
        String fold = ImportLabels.folded(cleanName);
        if (intent.id == null || !ImportLabels.folded(intent.name).equals(fold)) {
            Intent.<Intent>listAll().stream().filter(other -> !other.id.equals(intent.id) && ImportLabels.folded(other.name).equals(fold))
                    .findFirst().ifPresent(other -> {
                        throw ApiException.conflict("intent_exists", WorkspaceMessages.intentLooksLike(other.name));
                    });
        }
        // Versions trained before a rename know the intent by its old name: given to another intent, that name would send
        // their tickets to the wrong replies.
        String formerOwner = IntentNames.formerOwner(intent.id, fold);
        if (formerOwner != null) {
            throw ApiException.conflict("intent_exists", WorkspaceMessages.formerNameOf(cleanName, formerOwner));
        }
        // Renamed, the out-of-scope intent would lose its meaning and could then be merged away with its examples.
        if (intent.id != null && Intent.OUT_OF_SCOPE.equals(intent.name) && !cleanName.equals(intent.name)) {
            throw ApiException.conflict("out_of_scope_intent", WorkspaceMessages.outOfScopeKeepsItsName(intent.name));
        }
    }
}
