package dev.loopwise.common;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What Loopwise says about a file it cannot read as text: an upload (a request body or a page's file field, "send it
 * again") or a file a command reads ("run the command again").
 */
public final class FileMessages {
    /** A ticket file sent or named as JSON lines whose first line is a CSV header. */
    public static final String CSV_SENT_AS_JSON_LINES = "this looks like CSV (a header line of column names), not JSON lines: send it"
            + " with the content type text/csv, or give the file the ending .csv";
    private static final String CSV_NAMED_AS_JSON_LINES = "this looks like CSV (a header line of column names), not JSON lines:"
            + " give the file the ending ";

    /**
     * A reader's problems said of a file a command reads or a page's upload: it has no content type, only its name's ending,
     * which for a gzip file is .csv.gz, since a command looks beneath the .gz.
     */
    public static List<String> ofNamedFile(List<String> problems, Object file) {
        String ending = file.toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? ".csv.gz" : ".csv";
        return problems.stream().map(problem -> problem.replace(CSV_SENT_AS_JSON_LINES, CSV_NAMED_AS_JSON_LINES + ending)).toList();
    }

    private FileMessages() {
    }

    public static String notUtf8(String fileName, boolean sent) {
        return named(fileName) + " is not UTF-8 text: save it as UTF-8" + (spreadsheetExport(fileName) ? " (in Excel: CSV UTF-8)" : "")
                + again(sent);
    }

    /** Said after {@link #notUtf8} when the place is known. */
    public static String firstNotUtf8Line(int line) {
        return "Its first character that is not UTF-8 is on line " + line + " (an accented letter or a symbol saved in another encoding).";
    }

    /**
     * A ticket file of UTF-8 text read as Windows-1252 and saved again: {@code places} of the first rows, {@code more} rows
     * besides, {@code example} as the file has it and {@code meant} as it was written. Imports, replays and commands all read
     * ticket files, so the advice names no way of sending; {@code table}: a CSV file, which a spreadsheet saves.
     */
    public static String doubleEncoded(List<String> places, int more, String example, String meant, boolean table) {
        String named = more > 0 || places.size() < 2 ? String.join(", ", places)
                : String.join(", ", places.subList(0, places.size() - 1)) + " and " + places.get(places.size() - 1);
        return named + (more > 0 ? " and " + more + " more " + (more == 1 ? "row" : "rows") : "")
                + " hold text such as '" + example + "' where '" + meant + "' was written: the file was saved from UTF-8 text"
                + " read as Windows-1252" + (table ? ", as a spreadsheet opening a UTF-8 export does," : "") + " and would be read"
                + " garbled. Export it again as UTF-8" + (table ? " (in Excel: Save As, CSV UTF-8)" : "") + " and use that file";
    }

    /** Said after a header found without its text column when a {@code sep=} first line named the separator it was split by. */
    public static String separatorLineSplit(char separator) {
        return ", split by " + (separator == '\t' ? "tabs" : "'" + separator + "'") + " as the sep= line on line 1 says: if the"
                + " header uses another separator, correct that line or remove it";
    }

    public static String binaryFile(String fileName, boolean sent) {
        return named(fileName) + " is not a text file (it contains NUL bytes: a spreadsheet such as .xlsx, a word-processor document,"
                + " or text saved as UTF-16 without its byte-order mark). Save it as "
                + (spreadsheetExport(fileName) ? "CSV UTF-8 or JSON lines" : "UTF-8 text (Markdown, HTML or JSON lines)") + again(sent);
    }

    /** An encoder's own file that cannot be used; {@code what}: what it should have been ("an ONNX model"). */
    public static String encoderFileUnusable(Path file, String what, boolean empty) {
        return "The encoder file " + file + (empty ? " is empty" : " is not " + what + " Loopwise can read") + ": give a folder with"
                + " the model.onnx and tokenizer.json of one sentence-transformer model, as an export to ONNX (optimum-cli export onnx)"
                + " writes them, or the name of an encoder of the catalogue.";
    }

    /** An encoder folder's own settings file that cannot be used as it is; {@code problem}: what is wrong with it. */
    public static String encoderSettings(Path file, String problem) {
        return "The encoder settings " + file + " cannot be used: " + problem + ". Write them as {\"pooling\": \"cls\","
                + " \"prefix\": \"query: \", \"maxTokens\": 512} (each may be left out), or remove the file.";
    }

    /** A row of a JSON array or a JSON line that is not an object; {@code kind}: what it is instead ("null", "a number"). */
    public static String rowNotObject(String kind) {
        return "each row must be a JSON object ({\"prompt\": ..., \"chosen\": ..., \"rejected\": ...}), not " + kind;
    }

    /** A part of a file of named parts (CLINC150's "train", "val", "test") that is not a list of pairs. */
    public static String partNotList(String part) {
        return "'" + part + "': expected a list of [text, intent] pairs, as in {\"train\": [[\"how do I pay my bill\", \"pay_bill\"], ...]}";
    }

    /** An entry of such a part that is not a pair of strings; {@code found}: the entry as written, shortened. */
    public static String notTextIntentPair(String found) {
        return "expected a pair [text, intent] of two strings, not " + (found.length() > 60 ? found.substring(0, 57) + "..." : found);
    }

    /** A table of preference pairs the CSV reader gave up on; {@code problem}: the reader's words, with the line it stopped on. */
    public static String unreadableTable(String problem) {
        return "the file cannot be read as a table (" + problem.strip() + "): put double quotes around a value that holds the separator, a"
                + " quote or a line break, and write a quote inside one as two";
    }

    /** A header naming one column twice (a ticket file's, or a table of preference pairs' in any case). */
    public static String repeatedColumn(String name) {
        return "the column '" + name + "' appears more than once in the header; keep one and rename or remove the others";
    }

    /**
     * A column (or a JSON row's key, {@code row}) named again in another case or with spaces around it: both spellings
     * shown as written, as the eye may not tell them apart; {@code readAs}: the ticket's column it is read as, if any.
     */
    public static String repeatedColumn(String name, String again, String readAs, boolean row) {
        return "the " + (row ? "key" : "column") + " '" + name + "' appears more than once in the " + (row ? "row" : "header")
                + " (also as '" + again + "', the same name in another case or with spaces around it" + (readAs == null ? ""
                : "; read as " + readAs(readAs)) + "); keep one and rename or remove the others";
    }

    /** A column Loopwise reads ({@code label}) in the words of its pages. */
    private static String readAs(String column) {
        return switch (column) {
            case "label" -> "the ticket's intent";
            case "response" -> "the reply sent to the customer";
            case "split" -> "whether the ticket is for training or testing";
            default -> "the ticket's " + column;
        };
    }

    public static String compressed(String fileName) {
        return named(fileName) + " is compressed (gzip): decompress it (gunzip) and send the file itself.";
    }

    public static String brokenGzip(Path file) {
        return "'" + file + "' starts as a gzip file but cannot be decompressed (it may be cut short): compress it again, or give the"
                + " file uncompressed.";
    }

    public static String noSuchFile(Path file) {
        return "there is no file '" + file + "'" + (file.isAbsolute() ? "" : " (looked for in " + Path.of("").toAbsolutePath() + ")")
                + ": check the name and the folder.";
    }

    public static String folder(Path file) {
        return "'" + file + "' is a folder: give the file in it.";
    }

    public static String unreadable(Path file) {
        return "'" + file + "' cannot be read (permission denied): make it readable to this user, or copy it somewhere that is.";
    }

    static boolean endsWithAny(String name, String... endings) {
        for (String ending : endings) {
            if (name.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    private static String named(String fileName) {
        return fileName == null || fileName.isBlank() ? "The file" : "'" + fileName + "'";
    }

    private static String again(boolean sent) {
        return sent ? " and send it again." : " and run the command again.";
    }

    /** Articles come from editors, tickets from spreadsheets and exports: each gets the advice that fits where it came from. */
    private static boolean spreadsheetExport(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return !endsWithAny(name, ".md", ".markdown", ".html", ".htm", ".txt", ".jsonl", ".ndjson", ".json");
    }

    /** A header's column whose name is empty (",label"), as the list of the columns found names it. */
    public static final String UNNAMED_COLUMN = "(a column without a name)";

    /** A file that could not be begun in its folder (a read-only or virtual file system, no permission). */
    public static String cannotWriteIn(Path folder, FileSystemException refused) {
        String why = refused instanceof AccessDeniedException ? "permission denied"
                : refused.getReason() != null ? refused.getReason() : "the file system refused it";
        return "cannot be written: no new file can be made in " + folder + " (" + why + "); give a folder you can write in";
    }
}
