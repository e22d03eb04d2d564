package dev.loopwise.ticket;

import dev.loopwise.common.text.Counts;
import io.quarkus.qute.TemplateExtension;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** How an import's outcome, and intents in lists, read on the pages. */
@TemplateExtension
public class ImportFormats {

    /** The label of requests the team does not handle (the model's out-of-scope intent). */
    private static final String OUT_OF_SCOPE = "oos";

    /** An intent's name as a support lead reads it in a list: the out-of-scope label says what it stands for. */
    static String shownName(Intent intent) {
        return OUT_OF_SCOPE.equals(intent.name) ? intent.name + " (out of scope: not handled)" : intent.name;
    }

    /** The out-of-scope label: its tickets teach the model what to hand to a person; it needs no reply. */
    static boolean outOfScope(IntentFormRow intent) {
        return OUT_OF_SCOPE.equals(intent.storedName());
    }

    /** A refused rename keeps the typed name in its field: the name the intent still has, or null when they agree. */
    static String stillNamed(IntentFormRow intent) {
        return intent.storedName() == null || intent.storedName().equals(intent.name()) ? null : intent.storedName();
    }

    /** The model learns from labelled tickets only when it is trained again, so that is the step after an import. */
    static boolean trainNext(TicketImporter.Result result) {
        return result.labelled() + result.labelledExisting() > 0;
    }

    /** A file whose every ticket was already stored changed nothing, so it has no next step of its own. */
    static boolean nothingNew(TicketImporter.Result result) {
        return result.imported() == 0 && result.labelledExisting() == 0;
    }

    /**
     * The new intents of an import that still need a library reply (the out-of-scope one needs none). A version picks among
     * the library's replies: trained before they have one, their customers are handed to a person, and a first version
     * trained on an empty library learns no way to pick at all, so writing replies comes before training.
     */
    static List<String> replyless(TicketImporter.Result result) {
        Set<String> answered = new HashSet<>(Reply.<Reply>find("select r from Reply r join fetch r.intent where r.status = ?1"
                + " and r.intent.name in ?2", Reply.ACTIVE, result.createdIntents().isEmpty() ? List.of("") : result.createdIntents())
                .list().stream().map(reply -> reply.intent.name).toList());
        return result.createdIntents().stream().filter(name -> !OUT_OF_SCOPE.equals(name) && !answered.contains(name)).toList();
    }

    /** "Imported 1,200 tickets (1,000 labelled, 200 unlabelled); 1 ticket was already in the workspace." */
    static String summary(TicketImporter.Result result) {
        String text = "Imported " + Counts.of(result.imported(), "ticket") + " (" + Counts.number(result.labelled()) + " labelled, "
                + Counts.number(result.unlabelled()) + " unlabelled)";
        if (result.labelledExisting() > 0) {
            text += "; " + Counts.of(result.labelledExisting(), "ticket") + " already in the workspace without an intent got "
                    + (result.labelledExisting() == 1 ? "its label" : "their labels") + " from this file";
        }
        int stored = result.duplicates() - result.repeatedInFile();
        if (stored > 0) {
            text += "; " + Counts.of(stored, "ticket") + " " + Counts.was(stored) + " already in the workspace";
        }
        if (result.repeatedInFile() > 0) {
            // Exports repeat common requests: each text is stored once, so the counts add up to the file's rows.
            text += "; " + Counts.of(result.repeatedInFile(), "row") + " repeated an earlier row's text and intent, stored once";
        }
        text += ".";
        if (result.createdIntents().contains(OUT_OF_SCOPE)) {
            text += " Tickets labelled " + OUT_OF_SCOPE + " are requests your team does not handle: the model learns from them to"
                    + " hand such requests to a person instead of answering, so " + OUT_OF_SCOPE + " needs no reply.";
        }
        if (!result.otherColumns().isEmpty()) {
            text += " Kept with each ticket but not read: " + result.otherColumns().stream().map(ImportFormats::unread)
                    .collect(Collectors.joining(", ")) + " (Loopwise reads text,"
                    + " label, response and split, also under names such as utterance, intent, category or reply; rename a column if it"
                    + " holds one of those).";
        }
        return text;
    }

    /**
     * A column left unread although its name is one Loopwise reads (a data set's category beside its label): said so, or the
     * list of names read would seem to contradict the list of columns kept.
     */
    static String unread(String column) {
        return TicketColumns.NAMES.entrySet().stream()
                .filter(read -> read.getValue().contains(TicketColumns.folded(column)))
                .findFirst().map(read -> column + " (another column was read as the " + read.getKey() + ")").orElse(column);
    }
}
