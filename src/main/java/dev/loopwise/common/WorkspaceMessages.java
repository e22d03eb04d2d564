package dev.loopwise.common;

import dev.loopwise.common.text.Counts;
import dev.loopwise.common.text.PlainText;
import java.util.Locale;

/** What the workspace's pages and API say about intents and imported files (one place for their words). */
public final class WorkspaceMessages {
    /** A table sent to the preference import, which reads JSON: said so rather than as its first name not being JSON. */
    public static final String PREFERENCE_TABLE_SENT = "this looks like a table (a header line of column names), but the import"
            + " reads JSON lines, one {...} object a line, or one JSON array of rows: write each pair as an object such as"
            + " {\"prompt\": ..., \"chosen\": ..., \"rejected\": ...}; a CSV or TSV table of pairs is read by eval-reward";

    private WorkspaceMessages() {
    }

    public static final String INTENT_NAME_RULE = "An intent name starts with a letter or digit and holds letters, digits,"
            + " spaces and _ - . : / (for example track_order), at most 100 characters.";
    public static final String INTENT_NAME_EMPTY = "Type a name for the intent (for example gift_wrapping).";

    public static String intentNameTooLong(int length) {
        return "The name has " + Counts.of(length, "character") + "; an intent name has at most 100. Shorten it: the description"
                + " is the place for the details.";
    }

    /** {@code found}: the first character the rule does not allow; "letters" alone read as including ü or Arabic ones. */
    public static String intentNameCharacter(String found, boolean first) {
        return (first ? "An intent name starts with a letter or digit, not '" + found + "'" : "'" + found + "' cannot be in an intent"
                + " name") + ": it holds English letters without accents (a to z), digits, spaces and _ - . : / (for example"
                + " track_order). Say the rest in its description, in any language.";
    }

    /** One intent of the Intents list refused, so none was saved; some refusals say so already, and twice read as a stutter. */
    public static String intentOfListRefused(String intent, String why) {
        return "'" + intent + "': " + why + (why.endsWith("Nothing was saved.") ? "" : " Nothing was saved.");
    }

    /** A rename keeps the intent: versions trained before it read their labels through its former names. */
    public static final String INTENT_RENAMED = "Saved. A renamed intent keeps its tickets and replies, and versions already trained"
            + " answer its tickets as before, now under the new name; no training is needed for the rename.";
    /** The Intents form sent back as it was shown: "Saved." would suggest something changed. */
    public static final String INTENTS_UNCHANGED = "Nothing changed: every intent's name and description were already as"
            + " submitted, so nothing was saved.";
    public static final String INTENT_DESCRIPTION_NEEDED = "Describe in one line what the customer wants (for example: The customer"
            + " wants their order gift-wrapped): until the intent has labelled tickets, the model recognises it by its description"
            + " alone.";
    public static final String INTENT_DESCRIPTION_KEPT = "The description is empty: an intent's description can be rewritten but"
            + " not removed, since until the intent has labelled tickets the model recognises it by its description alone. Type"
            + " the new one.";
    public static final String INTENT_DESCRIPTION_INVISIBLE = "The description holds only invisible marks, nothing a person could"
            + " read: describe in words what the customer wants.";
    /** {@code where}: the refused character and its place, as "U+001B at character 6". */
    public static String intentNameNotPlain(String where) {
        return "An intent name cannot hold control or invisible characters (escape codes, tabs, zero-width spaces): it holds "
                + where + ".";
    }

    /** {@code where}: the refused character and its place, as "U+000A at character 12". */
    public static String intentDescriptionNotPlain(String where) {
        return "A description is one line without control or invisible characters (line breaks, escape codes, zero-width"
                + " spaces): it holds " + where + ".";
    }

    public static final String INTENT_DESCRIPTION_RULE = "A description is one line of at most 1000 characters, without control"
            + " or invisible characters.";

    /**
     * An intent's name folds to another's: an import matches a label "Track Order" to neither with certainty, and refuses
     * it, so the Intents page must not make such a pair either.
     */
    public static String intentLooksLike(String other) {
        return "The intent '" + other + "' already exists: names that differ only in upper and lower case, spaces, underscores or"
                + " hyphens count as the same name (an imported label could not tell the two apart). Choose another name, or merge"
                + " the two intents.";
    }

    public static String emptyImportFile(String fileName) {
        return "The file '" + fileName + "' is empty: export the tickets again, or choose another file. Nothing was imported.";
    }

    public static String noReplyForOutOfScope(String name) {
        return "'" + name + "' is the intent of requests your team does not handle: they go to a person, so a reply there would"
                + " never be sent. Choose the intent this reply answers. Nothing was saved.";
    }

    /** One line's problem in an imported ticket file ({@code field}: text or response). */
    /** A column name is shown back on the import page and with each ticket, so it is held to the rule of any text shown. */
    public static String importedColumnNameControlCharacter(String quotedName, String found) {
        return "the column name '" + quotedName + "' holds a control character (" + found + "): rename the column to plain text";
    }

    public static String importedColumnNameTooLong(int length, int max) {
        return "a column name has " + length + " characters (at most " + max + ")";
    }

    public static String importedControlCharacter(String field, String found) {
        return "the " + field + " holds a control character (" + found + "): remove it (tabs and line breaks may stay)";
    }

    /** A new topic's example, sent back by the drift page, that holds what no answered request may. */
    public static String topicExampleControlCharacter(String example, String found) {
        return "The example '" + example + "' holds a control character (" + found + "), which no answered request holds: remove"
                + " it (tabs and line breaks may stay), or leave the example unticked. Nothing was labelled.";
    }

    /** A new topic's example, sent back by the drift page, longer than any request serving answers. */
    public static String topicExampleTooLong(String example, int length, int limit) {
        return "The example '" + example + "' has " + Counts.of(length, "character") + ", and Loopwise answers requests of at most "
                + String.format(Locale.ROOT, "%,d", limit) + " (LOOPWISE_SERVING_MAX_TEXT_LENGTH), as the import holds"
                + " tickets to: leave it unticked, or cut it to the customer's message. Nothing was labelled.";
    }

    /** A ticket the file labels got an intent, or was deleted, between the import's start and its write. */
    public static final String LABELLED_MEANWHILE = "A ticket this file gives an intent was labelled or deleted by someone else while"
            + " the import ran, and an import never changes a label: nothing was imported. Send the file again.";

    public static String importedRelabel(String storedIntent, String fileLabel) {
        return "this text is in the workspace already with the intent '" + storedIntent + "', and the file says '" + fileLabel
                + "': an import never changes a label. Relabel the ticket on Tickets if '" + fileLabel + "' is right, or fix the line";
    }

    /** An imported ticket longer than serving answers: it could be trained on but never sent, nor replayed. */
    public static String importedTicketTooLong(int length, int limit) {
        return "the text has " + Counts.of(length, "character") + ", and Loopwise answers tickets of at most "
                + String.format(Locale.ROOT, "%,d", limit) + " (LOOPWISE_SERVING_MAX_TEXT_LENGTH): cut it to the customer's"
                + " message, or raise that setting if your customers write longer ones";
    }

    /** An imported preference pair on a ticket longer than serving answers: the reward model would learn from what no customer sends. */
    public static String preferencePromptTooLong(int length, int limit) {
        return "the prompt has " + Counts.of(length, "character") + ", and Loopwise answers tickets of at most "
                + String.format(Locale.ROOT, "%,d", limit) + " (LOOPWISE_SERVING_MAX_TEXT_LENGTH): cut it to the customer's"
                + " message, or raise that setting if your customers write longer ones";
    }

    /**
     * The preference export asked for a format it does not write: the value sent is repeated (a typo such as "TRL" or
     * "dpo" is then seen at once), with every value it takes.
     */
    public static String unknownPreferenceFormat(String sent) {
        return "format '" + PlainText.quoted(sent) + "' is not one Loopwise exports: " + PREFERENCE_FORMATS + ".";
    }

    private static final String PREFERENCE_FORMATS = "use trl (preference pairs), kto (thumbs up/down), trl-chat or kto-chat"
            + " (the same as chat messages grounded in the knowledge base, for training an LLM)";

    /** {@code format=} with nothing after it: a link or script that lost its value, not a request for the default. */
    public static final String EMPTY_PREFERENCE_FORMAT = "format is empty: " + PREFERENCE_FORMATS + ", or leave format out for trl.";

    /** An imported reply longer than a library reply may be: one like it could never be served. */
    public static String preferenceReplyTooLong(String which, int length, int limit) {
        return "the " + which + " has " + Counts.of(length, "character") + ", and a reply may have at most "
                + String.format(Locale.ROOT, "%,d", limit) + " (as in the reply library): shorten it";
    }

    public static String importedTooLong(String field, int length, int limit) {
        return "the " + field + " has " + length + " characters (at most " + limit + ")";
    }

    public static String outOfScopeStays(String name) {
        return "The intent '" + name + "' teaches the model which requests to hand over to a person: without it, the next version"
                + " answers requests your team does not handle. It cannot be removed nor merged into another intent; merging"
                + " another intent into it is allowed. Nothing was removed.";
    }

    public static String outOfScopeKeepsItsName(String name) {
        return "The intent '" + name + "' teaches the model which requests to hand over to a person, and Loopwise knows it by this"
                + " name: it cannot be renamed (its description can change). Nothing was saved.";
    }

    public static String intentInUse(String name, long tickets, long replies) {
        return "The intent '" + name + "' still has " + Counts.of(tickets, "ticket") + " and " + Counts.of(replies, "reply|replies")
                + ": choose an intent to move them to (a merge), or label its tickets and retire its replies first. Nothing was"
                + " removed.";
    }

    public static String intentRemoved(String name, String into) {
        return into == null ? "The intent '" + name + "' was removed."
                : "'" + name + "' was merged into '" + into + "': its tickets and replies are now '" + into + "'s (a reply '" + into
                + "' already had is retired rather than doubled; the audit log has the counts). Versions already trained still answer '"
                + name + "' until you train a new one on Models.";
    }

    /** The Intents form listing one intent in two rows: it shows each once, so the two values cannot both be meant. */
    public static String intentRowTwice(long id) {
        return "The form sends the intent with id " + id + " in two rows, with two names or descriptions for it: the page lists"
                + " each intent once, so reload it and type the change again. Nothing was saved.";
    }

    /** Labelling with an intent another admin removed (or merged away) while the page was open. */
    public static String intentRemovedMeanwhile(String name) {
        return "The intent '" + name + "' was removed meanwhile: reload the page and choose another intent. Nothing was labelled.";
    }

    public static String formerNameOf(String name, String intent) {
        return "'" + name + "' was the name of the intent now called '" + intent + "', and versions trained before that rename still"
                + " know it by it: choose another name, or rename '" + intent + "' back.";
    }

    /** The knowledge page's "Find passages" pressed with nothing in the box: it would otherwise reload and show nothing. */
    public static final String KNOWLEDGE_TRY_EMPTY = "Type or paste a customer ticket in the box under Try a ticket, then press"
            + " Find passages: the page shows the passages the assistant would be given for it.";
}
