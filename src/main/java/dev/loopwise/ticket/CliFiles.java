package dev.loopwise.ticket;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.FileMessages;
import dev.loopwise.common.file.Place;
import dev.loopwise.common.file.TextFiles;
import dev.loopwise.common.file.TextStreams;
import dev.loopwise.common.file.Utf8Lines;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/** Files the command line reads; a file with problems stops the command with its first few, by line. */
public final class CliFiles {
    private CliFiles() {
    }

    public static List<TicketRow> tickets(Path file) throws IOException {
        List<TicketRow> rows = new ArrayList<>();
        eachTicket(file, rows::add);
        return rows;
    }

    /**
     * The file's rows handed to {@code rows} as they are read (a CSV file is never held whole: see {@link TicketFile}); a
     * file with problems stops the command once it is read, so that all of them are said, with their lines.
     */
    public static void eachTicket(Path file, Consumer<TicketRow> rows) throws IOException {
        String name = file.getFileName().toString();
        // Data sets come compressed (train.jsonl.gz): the ending before .gz says what is inside.
        String inside = name.toLowerCase(Locale.ROOT).endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        TicketFile.Parsed parsed;
        // The file is its own resource: refused on its first bytes (binary, compressed twice), it is closed all the same.
        try (InputStream bytes = bytes(file);
             BufferedReader in = new BufferedReader(TextStreams.ofCommandFile(bytes, file.toString()), GUESS_CHARACTERS)) {
            in.mark(GUESS_CHARACTERS);
            char[] start = new char[GUESS_CHARACTERS];
            int length = Math.max(0, in.read(start));
            in.reset();
            parsed = TicketFile.read(in, TicketFile.guess(inside, new String(start, 0, length)), rows);
        } catch (ApiException e) {
            throw new IllegalArgumentException(said(file, e), e);
        }
        if (!parsed.ok()) {
            throw new IllegalArgumentException(file + ": " + problems(FileMessages.ofNamedFile(parsed.errors(), file)));
        }
    }

    /** Characters the format is guessed from: JSON shows in its first non-blank character. */
    private static final int GUESS_CHARACTERS = 8192;

    /** The file's bytes as they are read, decompressed when it is gzip. */
    private static InputStream bytes(Path file) throws IOException {
        requireFile(file);
        InputStream in;
        try {
            in = new BufferedInputStream(new Unmeasured(Files.newInputStream(file)));
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(FileMessages.unreadable(file), e);
        }
        in.mark(2);
        byte[] start = in.readNBytes(2);
        in.reset();
        if (!TextFiles.gzip(start)) {
            return in;
        }
        try {
            return new Gunzipped(new GZIPInputStream(in), file);
        } catch (IOException e) {
            in.close();
            throw new IllegalArgumentException(FileMessages.brokenGzip(file), e);
        }
    }

    /**
     * A pipe ({@code /dev/stdin}) cannot say how much is waiting: asked, as gzip asks at the end of what it holds, its
     * channel fails with "Illegal seek". Nothing waiting is the answer that lets the read go on.
     */
    private static final class Unmeasured extends FilterInputStream {
        Unmeasured(InputStream in) {
            super(in);
        }

        @Override
        public int available() {
            try {
                return super.available();
            } catch (IOException e) {
                return 0;
            }
        }
    }

    /** A gzip stream cut short says so in words when the read reaches the cut, not as the CSV problem it would become. */
    private static final class Gunzipped extends FilterInputStream {
        private final Path file;

        Gunzipped(InputStream in, Path file) {
            super(in);
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw ApiException.badRequest("broken_gzip", FileMessages.brokenGzip(file));
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                throw ApiException.badRequest("broken_gzip", FileMessages.brokenGzip(file));
            }
        }
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
            throw new IllegalArgumentException(said(file, e), e);
        }
    }

    /** The file's problem as said, with the line where a file that is not UTF-8 first stops being so, read again to find it. */
    private static String said(Path file, ApiException e) throws IOException {
        if (!"not_utf8".equals(e.code)) {
            return e.getMessage();
        }
        try (InputStream again = bytes(file)) {
            return said(file, e, again);
        }
    }

    /** As above, from bytes already read: a pipe cannot be read again. */
    private static String said(Path file, ApiException e, InputStream bytes) throws IOException {
        if (!"not_utf8".equals(e.code)) {
            return e.getMessage();
        }
        int line = Utf8Lines.firstNotUtf8(bytes);
        return e.getMessage() + (line > 0 ? " " + FileMessages.firstNotUtf8Line(line) : "");
    }

    /**
     * The file's text as {@link #text} reads it, refused with {@code refusal} when its UTF-8 (what a command sends) is
     * longer than {@code limit} bytes. The file is opened once and read no further than it takes to know, so a pipe
     * ({@code --file /dev/stdin}) is read as it comes and a large file is never held whole only to be refused.
     */
    public static String textAtMost(Path file, long limit, String refusal) throws IOException {
        byte[] read;
        try (InputStream in = bytes(file)) {
            read = in.readNBytes(cap(limit + 1));
            // UTF-16 takes two bytes for what UTF-8 says in one (ASCII), so its file may be up to twice the limit and fit.
            if (read.length > limit && utf16(read)) {
                read = concat(read, in.readNBytes(cap(2 * limit + 3) - read.length));
            } else if (read.length > limit) {
                throw new IllegalArgumentException(refusal);
            }
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        String text;
        try {
            text = TextFiles.ofCommandFile(read, file.toString());
        } catch (ApiException e) {
            throw new IllegalArgumentException(said(file, e, new ByteArrayInputStream(read)), e);
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > limit) {
            throw new IllegalArgumentException(refusal);
        }
        return text;
    }

    /** A byte array holds at most a little under 2 GB: a limit set higher is read up to that. */
    private static int cap(long bytes) {
        return (int) Math.min(bytes, Integer.MAX_VALUE - 8);
    }

    private static boolean utf16(byte[] start) {
        return start.length >= 2 && (start[0] == (byte) 0xFF && start[1] == (byte) 0xFE || start[0] == (byte) 0xFE && start[1] == (byte) 0xFF);
    }

    private static byte[] concat(byte[] first, byte[] then) {
        byte[] both = Arrays.copyOf(first, first.length + then.length);
        System.arraycopy(then, 0, both, first.length, then.length);
        return both;
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
