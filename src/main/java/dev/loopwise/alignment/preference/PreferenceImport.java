package dev.loopwise.alignment.preference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loopwise.audit.AuditLog;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.WorkspaceMessages;
import dev.loopwise.common.file.Place;
import dev.loopwise.common.json.JsonRows;
import dev.loopwise.common.text.Counts;
import dev.loopwise.common.text.Hashing;
import dev.loopwise.common.text.PlainText;
import dev.loopwise.ticket.Reply;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Preference pairs from a JSONL file, all or nothing, in any shape {@link PreferenceRows} reads (TRL's explicit and
 * implicit prompts, text or chat messages, its unpaired KTO rows, and other common names). A pair already stored is
 * counted, not stored twice (a pair the file repeats is stored as often as it repeats it: reviewers who agreed).
 */
@ApplicationScoped
public class PreferenceImport {
    /**
     * The reward model's loss is −log σ(r_chosen − r_rejected − margin): rewards live within a few units, so a larger
     * margin cannot be met and only pushes the loss towards infinity.
     */
    static final double MAX_MARGIN = 10;
    static final int IMPORT_TIMEOUT_SECONDS = 1800;

    /**
     * The longest ticket the answering API takes ({@code LOOPWISE_SERVING_MAX_TEXT_LENGTH}): a pair on a longer prompt
     * would teach the reward model about tickets no customer can send.
     */
    @ConfigProperty(name = "loopwise.serving.max-text-length", defaultValue = "4000")
    int servedLimit;
    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;

    /** {@code notRead}: fields of the file no shape reads (at most 20), so that a misspelt {@code margn} shows. */
    /** {@code opposed}: pairs whose reverse the file also holds (people disagreed, as in an export of a team's judgements). */
    @Schema(name = "ImportedPreferences", description = "What the preference import did")
    public record Imported(@Schema(description = "Preference pairs stored") int imported,
                           @Schema(description = "Pairs already stored (as many times as the file repeats them): counted, not stored again") int duplicates,
                           @Schema(description = "Pairs whose reverse the file holds too (people disagreed); both are kept") int opposed,
                           @Schema(description = "The import's id (a UUID), kept with each pair it stored and in the audit trail") String batch,
                           @Schema(description = "Fields of the file no shape reads (at most 20), so a misspelt one shows") List<String> notRead) {
    }

    /**
     * {@code copy}: which repeat of the pair in the file this is, from 1. Reviewers who agreed export as repeated rows, and
     * a 2–1 split kept as one row each way would import as a tie; the n-th repeat is stored unless n copies already are, so
     * the file's majority stays and the same file sent again still stores nothing.
     */
    private record Pair(String prompt, String chosen, String rejected, Double margin, Place line, int copy) {
        String hash() {
            return Hashing.sha256Hex(prompt + '\u001f' + chosen + '\u001f' + rejected + (copy > 1 ? "\u001f" + copy : ""));
        }
    }

    /**
     * One transaction, so a file is all or nothing; its timeout is the time a file the body limit lets in may take. At the
     * default 60 s a 6 MB file of 100,000 pairs, then written one by one, was cut off on a busy 2-core machine: a valid file got a
     * 500 and nothing was stored.
     */
    @Transactional
    @TransactionConfiguration(timeout = IMPORT_TIMEOUT_SECONDS)
    public Imported importTrl(String body, String user) {
        List<String> problems = new ArrayList<>();
        List<PreferenceRows.Row> rows = new ArrayList<>();
        List<PreferenceRows.Unpaired> unpaired = new ArrayList<>();
        Set<String> notRead = new TreeSet<>();
        // Read as JSON, a table's header gives only "'prompt' is not JSON", which sends the sender quoting names.
        boolean table = body != null && PreferenceCsv.looksLikeHeader(body);
        if (table) {
            problems.add("line 1: " + WorkspaceMessages.PREFERENCE_TABLE_SENT);
        }
        // JSON lines, or one array of rows as eval-reward reads them.
        for (JsonRows.Row read : table ? List.<JsonRows.Row>of() : JsonRows.of(body == null ? "" : body, problems)) {
            Place line = read.place();
            JsonNode node = PreferenceRows.withoutNulls(read.node());
            if (node.has("margin") && !(node.get("margin").isNumber() && node.get("margin").asDouble() >= 0
                    && node.get("margin").asDouble() <= MAX_MARGIN)) {
                problems.add(line + ": 'margin' must be a number from 0 to " + (int) MAX_MARGIN
                        + " (how much more the chosen reply is preferred)");
            }
            node.fieldNames().forEachRemaining(field -> {
                if (!PreferenceRows.READ.contains(field) && notRead.size() < 20) {
                    // Shown back as a misspelling to fix: a direction override in it would turn the name around.
                    notRead.add(PlainText.quoted(field));
                }
            });
            Object row = PreferenceRows.read(node, line, problems);
            if (row instanceof PreferenceRows.Row paired) {
                rows.add(paired);
            } else if (row instanceof PreferenceRows.Unpaired single) {
                unpaired.add(single);
            }
        }
        // Replies are held to the library's limit, prompts to serving's: longer ones could never be served or sent.
        rows.forEach(row -> unservable(row.line(), row.prompt(), List.of("chosen reply", row.chosen(), "rejected reply", row.rejected()), problems));
        unpaired.forEach(row -> unservable(row.line(), row.prompt(), List.of("completion", row.completion()), problems));
        problems.addAll(UnpairedRows.unmatched(unpaired));
        rows.addAll(UnpairedRows.paired(unpaired));
        List<Pair> pairs = new ArrayList<>();
        // Two reviewers who disagreed on one ticket export as two opposite rows: real evidence that the replies are close,
        // which the reward model should see, so both are kept (a team's own export must import back).
        Map<String, Integer> seen = new HashMap<>();
        int opposed = 0;
        for (PreferenceRows.Row row : rows) {
            opposed += seen.containsKey(Hashing.sha256Hex(row.prompt() + '\u001f' + row.rejected() + '\u001f' + row.chosen())) ? 1 : 0;
            int copy = seen.merge(Hashing.sha256Hex(row.prompt() + '\u001f' + row.chosen() + '\u001f' + row.rejected()), 1, Integer::sum);
            pairs.add(new Pair(row.prompt(), row.chosen(), row.rejected(), row.margin(), row.line(), copy));
        }
        if (pairs.isEmpty() && problems.isEmpty()) {
            problems.add("the file has no pairs");
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("invalid_file", "Nothing was imported (" + Counts.of(problems.size(), "problem")
                    + "; fix " + (problems.size() == 1 ? "it" : "them") + " and send the file again): "
                    + String.join("; ", Place.grouped(problems).stream().limit(20).toList()) + ".");
        }
        String batch = UUID.randomUUID().toString();
        int imported = PreferenceBatch.write(em, pairs.stream()
                .map(p -> new PreferenceBatch.Write(p.prompt(), p.chosen(), p.rejected(), p.margin(), p.hash())).toList(), batch, user);
        audit.record(user, "preferences.import", Counts.of(imported, "preference pair"),
                Map.of("batch", batch, "duplicates", pairs.size() - imported, "opposed", opposed));
        return new Imported(imported, pairs.size() - imported, opposed, batch, List.copyOf(notRead));
    }

    /**
     * What no ticket or reply Loopwise answers with could hold: a length past serving's or the library's limit, or a control
     * character (a bell, a terminal escape), which the ticket import refuses in a ticket and in an agent's answer alike.
     */
    private void unservable(Place line, String prompt, List<String> replies, List<String> problems) {
        if (PlainText.length(prompt) > servedLimit) {
            problems.add(line + ": " + WorkspaceMessages.preferencePromptTooLong(PlainText.length(prompt), servedLimit));
        }
        controlCharacter(line, "prompt", prompt, problems);
        for (int i = 0; i < replies.size(); i += 2) {
            int length = PlainText.length(replies.get(i + 1));
            if (length > Reply.MAX_LENGTH) {
                problems.add(line + ": " + WorkspaceMessages.preferenceReplyTooLong(replies.get(i), length, Reply.MAX_LENGTH));
            }
            controlCharacter(line, replies.get(i), replies.get(i + 1), problems);
        }
    }

    private static void controlCharacter(Place line, String field, String text, List<String> problems) {
        String found = PlainText.firstControlCharacter(text);
        if (found != null) {
            problems.add(line + ": " + WorkspaceMessages.importedControlCharacter(field, found));
        }
    }
}
