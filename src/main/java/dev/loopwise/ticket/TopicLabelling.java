package dev.loopwise.ticket;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.WorkspaceMessages;
import dev.loopwise.common.job.AdvisoryLock;
import dev.loopwise.common.text.Hashing;
import dev.loopwise.common.text.PlainText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns a new topic that drift monitoring found into an intent in one step: its name and description,
 * and the example requests as labelled tickets, so the next training run learns it. Requests already
 * stored as unlabelled tickets get the label; labelled ones keep theirs.
 */
@ApplicationScoped
public class TopicLabelling {
    public static final String SOURCE_DRIFT = "drift";
    static final int MAX_EXAMPLES = 100;

    /** As for an imported ticket: a labelled ticket longer than serving answers teaches the model a text no customer can send. */
    @ConfigProperty(name = "loopwise.serving.max-text-length", defaultValue = "4000")
    int servedLimit;
    @Inject
    WorkspaceService workspace;

    public record Labelled(String intent, boolean created, int tickets) {
    }

    @Transactional
    public Labelled label(String name, String description, List<String> examples) {
        Set<String> texts = new LinkedHashSet<>();
        for (String example : examples == null ? List.<String>of() : examples) {
            if (example != null && PlainText.showsSomething(example)) {
                texts.add(example.strip());
            }
        }
        if (texts.isEmpty()) {
            throw ApiException.badRequest("no_examples", "Tick at least one example request to label with the new intent.");
        }
        if (texts.size() > MAX_EXAMPLES) {
            throw ApiException.badRequest("too_many_examples", "Label at most " + MAX_EXAMPLES + " requests at a time.");
        }
        for (String text : texts) {
            // The examples come back from the page's form: held to the import's rules, they cannot add a ticket it would refuse.
            if (PlainText.length(text) > servedLimit) {
                throw ApiException.badRequest("text_too_long", WorkspaceMessages.topicExampleTooLong(PlainText.quoted(text),
                        PlainText.length(text), servedLimit));
            }
            String control = PlainText.firstControlCharacter(text);
            if (control != null) {
                throw ApiException.badRequest("invalid_text", WorkspaceMessages.topicExampleControlCharacter(PlainText.quoted(text), control));
            }
        }
        String cleanName = name == null ? "" : name.strip();
        // The same topic sent twice at once (a double click, two leads) would each find neither the intent nor the
        // tickets yet: one would be told the name is taken, and each text stored twice. Labellings take turns, with imports.
        AdvisoryLock.forTransaction(Ticket.getEntityManager(), TicketImporter.IMPORT_LOCK);
        boolean created = Intent.findByName(cleanName).isEmpty();
        Intent intent = created ? workspace.saveIntent(null, cleanName, description) : Intent.findByNameForWriting(cleanName)
                .orElseThrow(() -> ApiException.conflict("intent_removed", WorkspaceMessages.intentRemovedMeanwhile(cleanName)));
        int labelled = 0;
        for (String text : texts) {
            Ticket existing = Ticket.<Ticket>find("textHash", Hashing.sha256Hex(text)).firstResult();
            if (existing == null) {
                Ticket.of(text, intent, null, Ticket.defaultSplit(text), SOURCE_DRIFT).persist();
                labelled++;
            } else if (existing.intent == null) {
                existing.intent = intent;
                existing.split = Ticket.defaultSplit(text);
                labelled++;
            }
        }
        return new Labelled(intent.name, created, labelled);
    }
}
