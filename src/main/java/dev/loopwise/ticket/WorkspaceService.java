package dev.loopwise.ticket;

import dev.loopwise.audit.AuditLog;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.WorkspaceMessages;
import dev.loopwise.common.job.AdvisoryLock;
import dev.loopwise.common.text.PlainText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Edits of intents and of the reply library, with the rules they obey. */
@ApplicationScoped
public class WorkspaceService {
    @Inject
    AuditLog audit;
    static final int MAX_DESCRIPTION = 1000;

    @Transactional
    public Intent saveIntent(Long id, String name, String description) {
        String cleanName = name == null ? "" : name.strip();
        String notPlain = PlainText.firstNotPlain(cleanName);
        if (notPlain != null) {
            throw ApiException.badRequest("invalid_intent_name", WorkspaceMessages.intentNameNotPlain(notPlain));
        }
        if (!Intent.NAME.matcher(cleanName).matches()) {
            throw ApiException.badRequest("invalid_intent_name", IntentNameRules.whatIsWrong(cleanName));
        }
        String cleanDescription = description == null ? "" : description.strip();
        String notPlainDescription = PlainText.firstNotPlain(cleanDescription);
        if (notPlainDescription != null) {
            throw ApiException.badRequest("invalid_intent_description", WorkspaceMessages.intentDescriptionNotPlain(notPlainDescription));
        }
        if (PlainText.length(cleanDescription) > MAX_DESCRIPTION) {
            throw ApiException.badRequest("invalid_intent_description", WorkspaceMessages.INTENT_DESCRIPTION_RULE);
        }
        // Two names saved at the same moment would each pass the checks below before the other's row exists: one name twice
        // (a unique-key error) or look-alikes such as "Twin Gift" beside twin_gift. They take turns, with imports too.
        AdvisoryLock.forTransaction(Intent.getEntityManager(), TicketImporter.IMPORT_LOCK);
        Intent intent = id == null ? new Intent() : Intent.<Intent>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("No intent with id " + id + "."));
        // Before it has labelled tickets the model knows an intent by its description alone. One typed on the page is
        // therefore never empty, and one written is never taken away; only an intent an import created has none until
        // a lead writes it (it may still be renamed meanwhile).
        if (!cleanDescription.isEmpty() && !PlainText.showsSomething(cleanDescription)) {
            throw ApiException.badRequest("invalid_intent_description", WorkspaceMessages.INTENT_DESCRIPTION_INVISIBLE);
        }
        if (cleanDescription.isEmpty() && (intent.id == null || PlainText.showsSomething(intent.description))) {
            throw ApiException.badRequest("missing_intent_description", intent.id == null ? WorkspaceMessages.INTENT_DESCRIPTION_NEEDED
                    : WorkspaceMessages.INTENT_DESCRIPTION_KEPT);
        }
        IntentNameRules.check(intent, cleanName);
        // An edit's entry says what it was before: a rename read later otherwise names an intent nobody remembers.
        Map<String, Object> details = new LinkedHashMap<>();
        if (intent.id != null && !cleanName.equals(intent.name)) {
            details.put("renamedFrom", intent.name);
            IntentNames.renamed(intent.id, intent.name, cleanName);
        }
        if (intent.id != null && !cleanDescription.equals(intent.description)) {
            details.put("descriptionBefore", intent.description);
        }
        details.put("description", cleanDescription);
        intent.name = cleanName;
        intent.description = cleanDescription;
        intent.updatedAt = OffsetDateTime.now();
        if (intent.id == null) {
            intent.persist();
        }
        audit.record(id == null ? "intent.create" : "intent.edit", "intent " + cleanName, details);
        return intent;
    }

    /**
     * Saves every intent of the Intents page whose name or description was changed, all or none: a lead fills in
     * several descriptions and presses one Save. A refusal names the intent it is about; nothing is saved then.
     */
    @Transactional
    public int saveIntents(List<Long> ids, List<String> names, List<String> descriptions) {
        if (ids == null || names == null || descriptions == null || ids.size() != names.size() || ids.size() != descriptions.size()) {
            throw ApiException.badRequest("validation_failed", "Send each intent's id, name and description. Nothing was saved.");
        }
        // Saved row by row, a second row of one intent would overwrite the first, which would yet be kept as a former name.
        Set<Long> seen = new HashSet<>();
        for (Long id : ids) {
            if (id != null && !seen.add(id)) {
                throw ApiException.badRequest("validation_failed", WorkspaceMessages.intentRowTwice(id));
            }
        }
        int saved = 0;
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            Intent stored = Intent.<Intent>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("No intent with id " + id
                    + " (removed meanwhile?): reload the page. Nothing was saved."));
            String name = names.get(i) == null ? "" : names.get(i).strip();
            String description = descriptions.get(i) == null ? "" : descriptions.get(i).strip();
            if (name.equals(stored.name) && description.equals(stored.description)) {
                continue;
            }
            String was = stored.name;
            try {
                saveIntent(id, name, description);
            } catch (ApiException e) {
                throw new IntentFieldRefused.Refusal(e, id, WorkspaceMessages.intentOfListRefused(was, e.getMessage()));
            }
            saved++;
        }
        return saved;
    }

    @Transactional
    public Reply saveReply(Long id, String intentName, String text) {
        if (text == null || !PlainText.showsSomething(text)) {
            throw ApiException.badRequest("empty_reply", "A reply needs some text.");
        }
        // Every line break as one \n: an old Mac's lone \r would otherwise be stored, served and compared as another text.
        String clean = text.strip().replace("\r\n", "\n").replace('\r', '\n');
        if (intentName == null || intentName.isBlank()) {
            throw ApiException.badRequest("unknown_intent", "Choose the intent this reply answers.");
        }
        // Two saves for one intent would each find no such reply yet and both add it; and a reply read before a concurrent
        // retirement or move would be written back whole, undoing it. The intent's row makes its saves take turns, and the
        // reply is read locked, after the one before committed.
        Intent intent = Intent.findByNameForEditing(intentName.strip())
                .orElseThrow(() -> ApiException.badRequest("unknown_intent", "No intent named '" + intentName.strip() + "'."));
        if (Intent.OUT_OF_SCOPE.equals(intent.name)) {
            // Tickets of this intent go to a person: a reply here would never be sent.
            throw ApiException.badRequest("out_of_scope_reply", WorkspaceMessages.noReplyForOutOfScope(intent.name));
        }
        Reply reply = id == null ? new Reply() : Reply.<Reply>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.notFound("No reply with id " + id + "."));
        if (Reply.RETIRED.equals(reply.status)) {
            throw ApiException.conflict("reply_retired", "Reply " + id + " is retired: it stays as it was served. Add a new reply instead.");
        }
        Reply.requirePublishable(intent, clean, reply.id);
        reply.intent = intent;
        reply.text = clean;
        if (reply.id == null) {
            reply.persist();
        }
        audit.record(id == null ? "reply.create" : "reply.edit", "reply " + reply.id, Map.of("intent", intent.name, "text", reply.text));
        return reply;
    }

    /**
     * Gives a ticket its intent (an empty name takes it away). A newly labelled ticket gets the same stable train/test
     * split an imported one would, so that labelling by hand never moves a ticket the model was measured on.
     */
    @Transactional
    public Ticket labelTicket(long id, String intentName) {
        Ticket ticket = Ticket.<Ticket>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("No ticket with id " + id + "."));
        String name = intentName == null ? "" : intentName.strip();
        Intent intent = name.isEmpty() ? null : Intent.findByNameForWriting(name)
                .orElseThrow(() -> ApiException.badRequest("unknown_intent", "No intent named '" + name + "': choose one from the list, "
                        + "or add it on Intents first."));
        Ticket.getEntityManager().refresh(ticket, LockModeType.PESSIMISTIC_WRITE); // labels at once take turns, each audited as a change of the one before
        String before = ticket.intent == null ? "unlabelled" : ticket.intent.name;
        String after = intent == null ? "unlabelled" : intent.name;
        if (before.equals(after)) {
            return ticket; // nothing changed, so nothing for the audit log to say
        }
        ticket.intent = intent;
        ticket.split = intent == null ? null : ticket.split != null ? ticket.split : Ticket.defaultSplit(ticket.text);
        audit.record("ticket.label", "ticket " + id, Map.of("from", before, "to", after));
        return ticket;
    }

    /** Takes a reply out of the library; it stays stored for the history of what was served. */
    @Transactional
    public void retireReply(long id) {
        Reply reply = Reply.<Reply>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.notFound("No reply with id " + id + "."));
        if (Reply.RETIRED.equals(reply.status)) {
            throw ApiException.conflict("reply_retired", "Reply " + id + " is retired already.");
        }
        reply.status = Reply.RETIRED;
        audit.record("reply.retire", "reply " + id, Map.of());
    }

    /** What removing an intent did: {@code into} is null when nothing was moved. */
    public record IntentRemoval(String name, String into) {
    }

    /**
     * Removes an intent. Named {@code intoName}, its tickets and replies move there first (a merge), so nothing labelled
     * is lost, and a moved reply that intent already has is retired rather than doubled; without one, only an intent
     * with neither tickets nor replies can go. Versions already trained keep the old name until the next training.
     */
    @Transactional
    public IntentRemoval removeIntent(String name, String intoName) {
        String removed = name == null ? "" : name.strip();
        if (removed.isEmpty()) {
            throw ApiException.badRequest("unknown_intent", "Choose the intent to remove. Nothing was removed.");
        }
        // Imports take this lock before they read the intents they label with: a removal waits for the import in flight
        // (and then counts its tickets), and an import after it no longer finds the intent.
        AdvisoryLock.forTransaction(Intent.getEntityManager(), TicketImporter.IMPORT_LOCK);
        // Under that lock no intent is renamed or removed, so the rows are read first and locked once both are known.
        Intent intent = Intent.findByName(removed).orElseThrow(() -> ApiException.notFound("No intent named '" + removed
                + "'. Nothing was removed."));
        if (Intent.OUT_OF_SCOPE.equals(intent.name)) {
            // Without it the next version hands nothing over: every off-topic request would get an answer.
            throw ApiException.conflict("out_of_scope_intent", WorkspaceMessages.outOfScopeStays(intent.name));
        }
        String into = intoName == null ? "" : intoName.strip();
        Intent target = into.isEmpty() ? null : Intent.findByName(into).orElseThrow(() -> ApiException.badRequest("unknown_intent",
                "No intent named '" + into + "': choose the intent to merge into from the list. Nothing was removed."));
        if (target != null && target.id.equals(intent.id)) {
            throw ApiException.badRequest("same_intent", "An intent cannot be merged into itself: choose another one. Nothing was removed.");
        }
        // The removed intent's row locked (saves of its replies and tickets wait, then find it gone), the target's shared;
        // in ascending id order, as every edit locking intent rows before reply rows takes them, so none waits in a circle.
        lockInIdOrder(intent, target);
        long tickets = Ticket.countWithIntent(intent);
        long replies = Reply.count("intent", intent);
        if (into.isEmpty()) {
            if (tickets + replies > 0) {
                throw ApiException.conflict("intent_in_use", WorkspaceMessages.intentInUse(intent.name, tickets, replies));
            }
            RemovedIntents.delete(intent);
            audit.record("intent.remove", "intent " + intent.name, Map.of());
            return new IntentRemoval(intent.name, null);
        }
        long retired = Reply.update("status = ?1 where intent = ?2 and status = ?3 and text in "
                + "(select r.text from Reply r where r.intent = ?4 and r.status = ?3)", Reply.RETIRED, intent, Reply.ACTIVE, target);
        if (Intent.OUT_OF_SCOPE.equals(target.name)) {
            // Merged into the hand-over intent, its tickets go to a person: its replies would never be sent again.
            retired += Reply.update("status = ?1 where intent = ?2 and status = ?3", Reply.RETIRED, intent, Reply.ACTIVE);
        }
        Ticket.update("intent = ?1 where intent = ?2", target, intent);
        Reply.update("intent = ?1 where intent = ?2", target, intent);
        RemovedIntents.delete(intent);
        audit.record("intent.merge", "intent " + intent.name, Map.of("into", target.name, "tickets", tickets, "replies", replies,
                "retired", retired));
        return new IntentRemoval(intent.name, target.name);
    }

    private static void lockInIdOrder(Intent removed, Intent target) {
        List<Intent> rows = target == null ? List.of(removed) : removed.id < target.id ? List.of(removed, target) : List.of(target, removed);
        for (Intent row : rows) {
            Intent.getEntityManager().lock(row, row == removed ? LockModeType.PESSIMISTIC_WRITE : LockModeType.PESSIMISTIC_READ);
        }
    }
}
