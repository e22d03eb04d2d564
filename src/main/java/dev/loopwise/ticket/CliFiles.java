package dev.loopwise.ticket;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.FileMessages;
import dev.loopwise.common.file.Place;
import dev.loopwise.common.file.TextFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Files the command line reads; a file with problems stops the command with its first few, by line. */
public final class CliFiles {
    private CliFiles() {
    }

    public static List<TicketRow> tickets(Path file) throws IOException {
        String text = text(file);
        String name = file.getFileName().toString();
        // Data sets come compressed (train.jsonl.gz): the ending before .gz says what is inside.
        String inside = name.toLowerCase(Locale.ROOT).endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        TicketFile.Parsed parsed = TicketFile.read(new StringReader(text), TicketFile.guess(inside, text));
        if (!parsed.ok()) {
            throw new IllegalArgumentException(file + ": " + problems(parsed.errors()));
        }
        return parsed.rows();
    }

    /**
     * The first few problems, each said once with its lines ("lines 8, 9, 16: ..."): one wrong value through a file is
     * one thing to fix.
     */
    public static String problems(List<String> problems) {
        List<String> grouped = Place.grouped(problems);
        return String.join("; ", grouped.subList(0, Math.min(5, grouped.size())))
                + (grouped.size() > 5 ? "; and " + (grouped.size() - 5) + " more" : "");
    }

    /**
     * A file's text, read as uploads are ({@link TextFiles}: UTF-8, or UTF-16 with its mark), decompressed first when it
     * is gzip; a missing file, a folder or one that is not text is refused with what to do, naming it.
     */
    public static String text(Path file) throws IOException {
        requireFile(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(FileMessages.unreadable(file), e);
        }
        if (TextFiles.gzip(bytes)) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalArgumentException(FileMessages.brokenGzip(file), e);
            }
        }
        try {
            return TextFiles.ofCommandFile(bytes, file.toString());
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Checked before anything else reads the path, so that a mistyped name is said as such rather than as Java's bare path. */
    public static void requireFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(FileMessages.folder(file));
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(FileMessages.noSuchFile(file));
        }
    }
}
