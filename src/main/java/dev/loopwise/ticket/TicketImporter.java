package dev.loopwise.ticket;

import dev.loopwise.audit.AuditLog;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.WorkspaceMessages;
import dev.loopwise.common.file.Place;
import dev.loopwise.common.job.AdvisoryLock;
import dev.loopwise.common.text.Counts;
import dev.loopwise.common.text.Hashing;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Imports a ticket file all or nothing: every row is checked first and a file with any problem is
 * rejected whole, with line numbers. Tickets already in the workspace are skipped, so importing the
 * same file twice is harmless. Labels that are not intents yet become intents (describe them afterwards).
 */
@ApplicationScoped
public class TicketImporter {
    @Inject
    AuditLog audit;
    /** Longest response and other column value; a ticket's own text is held to what serving answers ({@link #servedLimit}). */
    static final int MAX_TEXT_LENGTH = 20_000;
    /**
     * The longest ticket the answering API takes ({@code LOOPWISE_SERVING_MAX_TEXT_LENGTH}, the serving settings' own
     * key: serving reads tickets, so tickets cannot read its settings class). A longer imported ticket would train the
     * model on a text no customer could send, and a replay of the same file would be refused.
     */
    @ConfigProperty(name = "loopwise.serving.max-text-length", defaultValue = "4000")
    int servedLimit;
    static final int MAX_REPORTED_PROBLEMS = 20;

    /**
     * {@code otherColumns}: columns (JSONL keys) kept with each ticket but not read, so a misspelt "lable" shows;
     * {@code labelledExisting}: tickets the workspace held without an intent, which this file labelled;
     * {@code repeatedInFile}: the duplicates whose text an earlier row of the file had, whether or not it was stored before;
     * the other duplicates are tickets stored before the import. Each row is counted once, so imported, labelledExisting
     * and duplicates add up to the rows read.
     */
    @Schema(name = "ImportedTickets", description = "What the ticket import did; imported, labelledExisting and duplicates add up to the rows read")
    public record Result(@Schema(description = "New tickets stored") int imported,
                         @Schema(description = "Rows whose ticket was already stored or repeated in the file with the same intent: not stored again") int duplicates,
                         @Schema(description = "Of the new tickets, those with an intent") int labelled,
                         @Schema(description = "Of the new tickets, those without an intent") int unlabelled,
                         @Schema(description = "Tickets already stored without an intent that the file labelled") int labelledExisting,
                         @Schema(description = "Intents the file's labels created") List<String> createdIntents,
                         @Schema(description = "Columns (JSON lines keys) kept with each ticket but not read, so a misspelt one shows") List<String> otherColumns,
                         @Schema(description = "Of the duplicates, those whose text an earlier row of the file had") int repeatedInFile) {
        public Result(int imported, int duplicates, int labelled, int unlabelled, int labelledExisting, List<String> createdIntents,
                      List<String> otherColumns) {
            this(imported, duplicates, labelled, unlabelled, labelledExisting, createdIntents, otherColumns, 0);
        }
    }

    /** Imports the file (all or nothing), then, once it is committed, refreshes the planner's statistics if it was large. */
    public Result importTickets(TicketFile.Parsed parsed) {
        Result result = importRows(parsed);
        refreshPlannerStatistics(result);
        return result;
    }

    /**
     * After a large import, tells PostgreSQL's planner how many tickets there now are. Its statistics would otherwise
     * wait for autovacuum (minutes, or never where it is off) and meanwhile plan for the few tickets there were: the
     * review queue's ticket search then read every ticket instead of walking the key to the few it needs.
     */
    @Transactional
    void refreshPlannerStatistics(Result imported) {
        if (imported.imported() >= BULK_IMPORT) {
            Ticket.getEntityManager().createNativeQuery("analyze tickets").executeUpdate();
        }
    }

    static final int BULK_IMPORT = 500;
    /** Tickets sent to the database in one batch (see {@link TicketBatch}). */
    static final int WRITE_BATCH = 1000;
    static final int IMPORT_TIMEOUT_SECONDS = 1800;

    /**
     * One transaction, so a file is all or nothing; its timeout is the time a file the body limit lets in may take. At the
     * default 60 s an 8 MB file (120,000 tickets, then written one by one as their ids came from the database) timed out
     * on a busy 2-core machine, and a valid file got a 500.
     */
    @Transactional
    @TransactionConfiguration(timeout = IMPORT_TIMEOUT_SECONDS)
    Result importRows(TicketFile.Parsed parsed) {
        List<String> problems = new ArrayList<>(parsed.errors());
        problems.addAll(TicketRowChecks.problems(parsed.rows(), servedLimit));
        // Two imports at once would each miss the other's new tickets and intents and insert them twice: imports take
        // turns, each until its commit, so the checks below see what the one before wrote.
        AdvisoryLock.forTransaction(Ticket.getEntityManager(), IMPORT_LOCK);
        List<Intent> stored = Intent.listAll();
        problems.addAll(ImportLabels.problems(parsed.rows(), stored, parsed.numberedLabels()));
        Map<String, StoredTickets.Stored> already = StoredTickets.of(parsed.rows());
        for (TicketRow row : parsed.rows()) {
            StoredTickets.Stored found = row.text() == null ? null : already.get(Hashing.sha256Hex(row.text()));
            if (found != null && found.intent() != null && row.label() != null && !found.intent().equalsIgnoreCase(row.label())) {
                problems.add(row.line() + ": " + WorkspaceMessages.importedRelabel(found.intent(), row.label()));
            }
        }
        if (parsed.rows().isEmpty() && problems.isEmpty()) {
            problems.add("the file has no tickets");
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("invalid_file", describe(problems));
        }
        Map<String, Intent> intents = new HashMap<>();
        // A label that differs from an intent only in case ("TRACK_ORDER" for track_order) is that intent, not a new one.
        Map<String, Intent> ignoringCase = new HashMap<>();
        stored.forEach(i -> {
            intents.put(i.name, i);
            ignoringCase.putIfAbsent(i.name.toLowerCase(Locale.ROOT), i);
        });
        // A file labelled before a rename ("account_login" for what is now "Sign-in"): those tickets are that intent's.
        Map<Long, List<String>> former = IntentNames.former();
        stored.forEach(i -> former.getOrDefault(i.id, List.of()).forEach(name -> ignoringCase.putIfAbsent(name.toLowerCase(Locale.ROOT), i)));
        Set<String> created = new TreeSet<>();
        Set<String> existing = new HashSet<>(already.keySet());
        Set<String> inFile = new HashSet<>();
        int imported = 0;
        int duplicates = 0;
        int labelled = 0;
        int labelledExisting = 0;
        int repeatedInFile = 0;
        Set<String> otherColumns = new TreeSet<>();
        TicketBatch writes = new TicketBatch();
        for (TicketRow row : parsed.rows()) {
            if (otherColumns.size() < 20) {
                otherColumns.addAll(row.metadata().keySet());
            }
            Intent intent = null;
            if (row.label() != null) {
                intent = intents.computeIfAbsent(row.label(), name -> ignoringCase.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                        folded -> {
                            Intent fresh = new Intent();
                            fresh.name = name;
                            fresh.description = "";
                            fresh.persist();
                            created.add(name);
                            return fresh;
                        }));
            }
            String split = intent == null ? null : row.split() != null ? split(row.split()) : Ticket.defaultSplit(row.text());
            Ticket ticket = Ticket.of(row.text(), intent, row.response(), split, Ticket.SOURCE_IMPORT);
            // Asked of the file, not of the stored tickets: a ticket stored before and repeated in the file is, from its
            // second row on, a repeat of the file's, or the summary says one stored ticket was several.
            boolean repeated = !inFile.add(ticket.textHash);
            if (!existing.add(ticket.textHash)) {
                StoredTickets.Stored found = already.get(ticket.textHash);
                if (found != null && found.intent() == null && intent != null) {
                    writes.label(found.id(), intent, split);
                    already.put(ticket.textHash, new StoredTickets.Stored(found.id(), intent.name));
                    labelledExisting++;
                } else {
                    duplicates++;
                    repeatedInFile += repeated ? 1 : 0;
                }
                continue;
            }
            ticket.metadata.putAll(row.metadata());
            writes.insert(ticket);
            imported++;
            labelled += intent == null ? 0 : 1;
        }
        writes.write();
        audit.record("tickets.import", Counts.of(imported, "ticket"),
                Map.of("imported", imported, "duplicates", duplicates, "labelled", labelled, "labelledExisting", labelledExisting,
                        "newIntents", List.copyOf(created)));
        return new Result(imported, duplicates, labelled, imported - labelled, labelledExisting, List.copyOf(created),
                List.copyOf(otherColumns), repeatedInFile);
    }

    /**
     * pg_advisory_xact_lock key of ticket imports ("TktImprt" in ASCII), taken too by every save of an intent's name, since
     * imports create intents: the name checks of each see what the one before wrote.
     */
    static final long IMPORT_LOCK = 0x546b74496d707274L;

    /**
     * The problems in line order, the same problem on several lines said once ("lines 8, 28, 31 and 51 more: …"), so
     * that one wrong value repeated through a file reads as one thing to fix.
     */
    static String describe(List<String> unordered) {
        List<String> grouped = Place.grouped(unordered);
        String shown = String.join("; ", grouped.subList(0, Math.min(MAX_REPORTED_PROBLEMS, grouped.size())));
        int more = grouped.size() - MAX_REPORTED_PROBLEMS;
        return "The file was not imported (" + Counts.of(unordered.size(), "problem") + "; fix " + (unordered.size() == 1 ? "it" : "them")
                + " and send the file again): " + shown + (more > 0 ? "; and " + more + " more" : "") + (shown.endsWith(".") && more <= 0 ? "" : ".");
    }

    /** Data sets name their splits in several ways; rows kept out of training (validation, dev) are checked on, like test. */
    static String split(String given) {
        return given == null ? null : switch (given.strip().toLowerCase(Locale.ROOT)) {
            case "train", "training" -> "train";
            case "test", "val", "valid", "validation", "dev" -> "test";
            default -> null;
        };
    }
}
