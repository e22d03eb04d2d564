package dev.loopwise.monitoring.replay;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.DriftMessages;
import dev.loopwise.common.file.TextFiles;
import dev.loopwise.model.registry.version.ModelRegistry;
import dev.loopwise.monitoring.drift.DriftWindow;
import dev.loopwise.monitoring.drift.MonitoringConfig;
import dev.loopwise.serving.ServableText;
import dev.loopwise.ticket.SampleTraffic;
import dev.loopwise.ticket.TicketFile;
import dev.loopwise.ticket.TicketRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The tickets a replay sends: the demo's traffic, or an uploaded file held to the answering API's rules before anything is sent. */
@ApplicationScoped
public class ReplayTickets {
    @Inject
    ServableText servable;
    @Inject
    MonitoringConfig config;
    @Inject
    DriftWindow windows;
    @Inject
    ModelRegistry registry;

    /** What to replay, and where it came from in the page's words. */
    public record Chosen(List<String> texts, String source) {
    }

    public Chosen choose(String source, FileUpload file) throws IOException {
        requireActiveModel();
        boolean fileGiven = file != null && file.size() > 0;
        if (fileGiven && ("demo".equals(source) || "demo-shifted".equals(source))) {
            // Both chosen: replaying one and silently dropping the other would leave the lead reading the wrong outcome.
            throw ApiException.badRequest("invalid_source", "You chose the demo's traffic and also a file (" + file.fileName()
                    + "): choose 'a file' to replay the file, or clear the file to replay the demo's traffic.");
        }
        return switch (source == null ? "" : source) {
            case "demo" -> new Chosen(SampleTraffic.texts(SampleTraffic.USUAL), "the demo's usual traffic");
            case "demo-shifted" -> new Chosen(afterAFullWindow(SampleTraffic.texts(SampleTraffic.SHIFTED)),
                    "the demo's traffic after a new product line");
            case "", "file" -> new Chosen(uploaded(file), file.fileName() == null || file.fileName().isBlank() ? "uploaded file"
                    : file.fileName());
            default -> throw ApiException.badRequest("invalid_source", "Replay 'demo', 'demo-shifted' or 'file' (an uploaded file),"
                    + " not '" + source + "'.");
        };
    }

    /**
     * A shift shows only against a window of the usual traffic: the usual requests the active version still lacks for
     * one come first, so that a single replay of the shifted traffic runs the checks an alert needs.
     */
    private List<String> afterAFullWindow(List<String> shifted) {
        long served = registry.current().map(active -> windows.requestsSince(active.version(), null, config.window())).orElse(0L);
        List<String> usual = SampleTraffic.texts(SampleTraffic.USUAL);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < config.window() - served; i++) {
            texts.add(usual.get(i % usual.size()));
        }
        texts.addAll(shifted);
        return texts;
    }

    private List<String> uploaded(FileUpload file) throws IOException {
        if (file == null || (file.size() == 0 && (file.fileName() == null || file.fileName().isBlank()))) {
            throw ApiException.badRequest("invalid_file", "Choose the demo traffic or a CSV/JSONL file with a text column to replay.");
        }
        String text = TextFiles.utf8(file.uploadedFile(), file.fileName());
        return checked(text, TicketFile.guess(file.fileName(), text), file.fileName());
    }

    /** A replay measures the active version: without one, the whole file would come back failed, ticket by ticket. */
    public void requireActiveModel() {
        if (registry.current().isEmpty()) {
            throw ApiException.conflict("no_active_model", DriftMessages.REPLAY_NO_ACTIVE_MODEL);
        }
    }

    /** A file's tickets, held to the answering API's rules before anything is sent (a problem refuses the whole file). */
    public List<String> checked(String text, TicketFile.Format format) throws IOException {
        return checked(text, format, null);
    }

    /** {@code fileName}: an upload's, whose problems are then said of its name, or null for a body sent with a content type. */
    private List<String> checked(String text, TicketFile.Format format, String fileName) throws IOException {
        if (TextFiles.withoutByteOrderMark(text).isBlank()) {
            throw ApiException.badRequest("invalid_file", DriftMessages.REPLAY_NO_ROWS);
        }
        TicketFile.Parsed read = TicketFile.read(new StringReader(text), format);
        TicketFile.Parsed parsed = fileName == null ? read : read.ofNamedFile(fileName);
        if (!parsed.ok()) {
            throw ApiException.badRequest("invalid_file", DriftMessages.replayUnreadable(parsed.errors()));
        }
        if (parsed.rows().isEmpty()) {
            // A replay of nothing would report checks that never ran as if the traffic had been calm.
            throw ApiException.badRequest("invalid_file", DriftMessages.REPLAY_NO_ROWS);
        }
        if (parsed.rows().size() > ReplayService.MAX_TEXTS) {
            throw ApiException.badRequest("invalid_file", "Replay at most " + ReplayService.MAX_TEXTS + " tickets at a time.");
        }
        // What the answering API would refuse is refused here too, before anything is served.
        List<String> refused = new ArrayList<>();
        for (TicketRow row : parsed.rows()) {
            ApiException refusal = servable.refusal(row.text());
            if (refusal != null && refused.size() < 10) {
                refused.add(row.line() + ": " + refusal.getMessage());
            }
        }
        if (!refused.isEmpty()) {
            throw ApiException.badRequest("invalid_file", "The file was not replayed, nothing was sent: " + String.join("; ", refused));
        }
        return parsed.rows().stream().map(TicketRow::text).toList();
    }
}
