package dev.loopwise.ticket;

/**
 * The physical line of the file where a CSV record starts. The parser's record position points at the first character
 * after the previous record, which is a skipped blank line when one came between them, and a quoted field may span
 * several lines: counting line breaks in the file itself names the line a person sees in an editor.
 */
final class CsvLines {
    private final String content;
    /** Where counting stopped last: records come in order, so a whole file is read once. */
    private int position;
    private long line = 1;

    CsvLines(String content) {
        this.content = content;
    }

    /** The 1-based line of the first character that is not a blank line, at or after {@code characterPosition}. */
    long startOf(long characterPosition) {
        int start = recordStart(characterPosition);
        for (; position < start; position++) {
            char c = content.charAt(position);
            // As the parser counts them: \n, \r\n (once) and a lone \r each end a line.
            if (c == '\n' || (c == '\r' && (position + 1 >= content.length() || content.charAt(position + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }

    /**
     * Whether the record at {@code characterPosition} is a line of spaces and tabs only: the parser reads it as a row of
     * one field, but to a person it is a blank line, and is skipped like one.
     */
    boolean onlySpaces(long characterPosition) {
        int at = recordStart(characterPosition);
        while (at < content.length() && (content.charAt(at) == ' ' || content.charAt(at) == '\t')) {
            at++;
        }
        return at >= content.length() || content.charAt(at) == '\n' || content.charAt(at) == '\r';
    }

    private int recordStart(long characterPosition) {
        int start = (int) Math.min(Math.max(characterPosition, position), content.length());
        while (start < content.length() && (content.charAt(start) == '\n' || content.charAt(start) == '\r')) {
            start++;
        }
        return start;
    }
}
