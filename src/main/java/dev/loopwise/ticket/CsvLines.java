package dev.loopwise.ticket;

import java.io.IOException;
import java.io.Reader;

/**
 * The physical line of the file where a CSV record starts. The parser's record position points at the first character
 * after the previous record, which is a skipped blank line when one came between them, and a quoted field may span
 * several lines: counting line breaks in the file itself names the line a person sees in an editor.
 * <p>
 * The parser reads the file through this reader, which keeps only the characters not counted yet (the record being
 * read and the parser's read-ahead): a file of any size is counted in the memory of a few records.
 */
final class CsvLines extends Reader {
    /** Counted characters are let go in pieces this large, so that a file of short records is not copied once a record. */
    private static final int RELEASE = 64 * 1024;
    private final Reader source;
    /** The characters from {@link #heldFrom} on that the parser has read. */
    private final StringBuilder held = new StringBuilder();
    private long heldFrom;
    /** Where counting stopped last: records come in order, so a whole file is read once. */
    private long position;
    private long line = 1;

    CsvLines(Reader source) {
        this.source = source;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = source.read(buffer, offset, length);
        if (n > 0) {
            held.append(buffer, offset, n);
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    /** The 1-based line of the first character that is not a blank line, at or after {@code characterPosition}. */
    long startOf(long characterPosition) {
        long start = recordStart(characterPosition);
        for (; position < start; position++) {
            char c = at(position);
            // As the parser counts them: \n, \r\n (once) and a lone \r each end a line.
            if (c == '\n' || (c == '\r' && (position + 1 >= end() || at(position + 1) != '\n'))) {
                line++;
            }
        }
        if (position - heldFrom >= RELEASE) {
            held.delete(0, (int) (position - heldFrom));
            heldFrom = position;
        }
        return line;
    }

    /**
     * Whether the record at {@code characterPosition} is a line of spaces and tabs only: the parser reads it as a row of
     * one field, but to a person it is a blank line, and is skipped like one.
     */
    boolean onlySpaces(long characterPosition) {
        long at = recordStart(characterPosition);
        while (at < end() && (at(at) == ' ' || at(at) == '\t')) {
            at++;
        }
        return at >= end() || at(at) == '\n' || at(at) == '\r';
    }

    /**
     * The 1-based column of the 1-based character {@code position} of the file, or 0 when its line began before the
     * characters still held (a problem is found in the record being read, whose start is held).
     */
    int column(long position) {
        if (position <= 0 || position > end()) {
            return 0;
        }
        for (long at = position - 2; at >= heldFrom; at--) {
            // A lone \r ends a line as \n does (old Mac exports); of \r\n, the \n is met first.
            if (at(at) == '\n' || at(at) == '\r') {
                return (int) (position - at - 1);
            }
        }
        return heldFrom == 0 ? (int) position : 0;
    }

    private long recordStart(long characterPosition) {
        long start = Math.min(Math.max(characterPosition, position), end());
        while (start < end() && (at(start) == '\n' || at(start) == '\r')) {
            start++;
        }
        return start;
    }

    /** Characters read so far: the end of the file once the parser has read it all. */
    private long end() {
        return heldFrom + held.length();
    }

    private char at(long filePosition) {
        return held.charAt((int) (filePosition - heldFrom));
    }
}
