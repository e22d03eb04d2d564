package dev.loopwise.ticket;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Files the command line reads; a file with problems stops the command with its first few, by line. */
public final class CliFiles {
    private CliFiles() {
    }

    public static List<TicketRow> tickets(Path file) throws IOException {
        String start;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            char[] buffer = new char[64];
            int n = reader.read(buffer);
            start = n <= 0 ? "" : new String(buffer, 0, n);
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            TicketFile.Parsed parsed = TicketFile.read(reader, TicketFile.guess(file.getFileName().toString(), start));
            if (!parsed.ok()) {
                throw new IllegalArgumentException(file + ": " + String.join("; ", parsed.errors().subList(0, Math.min(5, parsed.errors().size()))));
            }
            return parsed.rows();
        }
    }
}
