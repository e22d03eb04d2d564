package dev.loopwise.model;

import dev.loopwise.common.file.Place;
import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.encoder.EncoderSpec;
import dev.loopwise.model.encoder.FileEmbeddingCache;
import dev.loopwise.model.encoder.SentenceEncoder;
import dev.loopwise.model.registry.training.WorkspaceSnapshot;
import dev.loopwise.ticket.Ticket;
import dev.loopwise.ticket.TicketRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;

/** The demo store as a workspace snapshot, and an encoder with a file cache, for tests without a database. */
public final class DemoData {
    private static SentenceEncoder encoder;
    private static FileEmbeddingCache cache;

    private DemoData() {
    }

    public static synchronized SentenceEncoder encoder() {
        if (encoder == null) {
            // The fast encoder: these tests check what the models learn, not which encoder is best.
            encoder = new SentenceEncoder(EncoderSpec.resolve("all-MiniLM-L6-v2", Optional.empty(), 128, Path.of("target/encoder-cache")), 32, 0);
            cache = new FileEmbeddingCache(Path.of("target/embedding-cache"), encoder.id());
        }
        return encoder;
    }

    public static float[][] embed(List<String> texts) {
        SentenceEncoder e = encoder();
        return cache.embed(e, texts, new Progress(true));
    }

    public static WorkspaceSnapshot workspace() {
        List<WorkspaceSnapshot.IntentInfo> intents = new ArrayList<>();
        for (CSVRecord row : DemoWorkspace.read("intents.csv")) {
            intents.add(new WorkspaceSnapshot.IntentInfo(row.get("name"), row.get("description")));
        }
        List<WorkspaceSnapshot.ReplyInfo> replies = new ArrayList<>();
        long id = 1;
        for (CSVRecord row : DemoWorkspace.read("replies.csv")) {
            replies.add(new WorkspaceSnapshot.ReplyInfo(id++, row.get("intent"), row.get("text")));
        }
        List<WorkspaceSnapshot.TicketInfo> tickets = new ArrayList<>();
        for (CSVRecord row : DemoWorkspace.read("tickets.csv")) {
            String text = row.get("text");
            String response = row.get("response").isBlank() ? null : row.get("response");
            tickets.add(new WorkspaceSnapshot.TicketInfo(id++, text, row.get("label"), response,
                    Ticket.defaultSplit(text)));
        }
        return new WorkspaceSnapshot(intents, tickets, replies);
    }

    /** The demo store's labelled tickets as files give them: train and test rows by the default split. */
    public record Split(List<TicketRow> train, List<TicketRow> test) {
    }

    public static Split ticketRows() {
        List<TicketRow> train = new ArrayList<>();
        List<TicketRow> test = new ArrayList<>();
        for (CSVRecord row : DemoWorkspace.read("tickets.csv")) {
            String response = row.get("response").isBlank() ? null : row.get("response");
            var ticket = new TicketRow(Place.line(0), row.get("text"), row.get("label"), response, null, Map.of());
            (Ticket.defaultSplit(ticket.text()).equals("test") ? test : train).add(ticket);
        }
        return new Split(train, test);
    }
}
