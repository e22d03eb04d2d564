package dev.loopwise.common.file;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.FileMessages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files and bodies people send, read as text. UTF-8 is read, and UTF-16 when it starts with its byte-order mark (Excel's
 * "Unicode Text" and Windows tools write it so, and the mark says unambiguously how to read it); anything else is
 * refused with a 400 that says so: decoding leniently would store replacement characters in place of the customer's
 * words, and a Windows-1252 export would do that silently. A leading byte-order mark (what Excel writes as "CSV UTF-8")
 * is dropped, since it is invisible and would otherwise become part of the first column's name or the first line.
 * A request body whose Content-Type names another charset arrives here already read in it and written as UTF-8 (the
 * HTTP layer's DeclaredCharset): only the bytes nobody labelled are judged here.
 */
public final class TextFiles {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private TextFiles() {
    }

    /** An upload. @param name the file's name for the message, or null for a request body */
    public static String utf8(byte[] bytes, String name) {
        return text(bytes, name, true);
    }

    public static String utf8(Path file, String name) throws IOException {
        return utf8(Files.readAllBytes(file), name);
    }

    /** A file a command reads (its messages say to run the command again); gzip is decompressed by the caller. */
    public static String ofCommandFile(byte[] bytes, String name) {
        return text(bytes, name, false);
    }

    public static boolean gzip(byte[] bytes) {
        return bytes.length >= 2 && bytes[0] == (byte) 0x1f && bytes[1] == (byte) 0x8b;
    }

    private static String text(byte[] bytes, String name, boolean sent) {
        Charset charset = unicodeOrRefuse(bytes, name, sent);
        String text;
        try {
            text = (charset == null ? StandardCharsets.UTF_8 : charset).newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("not_utf8", FileMessages.notUtf8(name, sent) + (sent && charset == null ? firstNotUtf8(bytes) : ""));
        }
        if (charset != null && text.indexOf('\0') >= 0) {
            // UTF-32's mark begins like UTF-16's: read as UTF-16 it is full of NULs.
            throw ApiException.badRequest("binary_file", FileMessages.binaryFile(name, sent));
        }
        return withoutByteOrderMark(text);
    }

    /**
     * Refuses a file that is compressed or binary by its first bytes ({@code start}: the whole file, or the part a stream
     * has read ahead), and otherwise names UTF-16 by its byte-order mark, else null for UTF-8.
     */
    static Charset unicodeOrRefuse(byte[] start, String name, boolean sent) {
        if (gzip(start)) {
            throw ApiException.badRequest("compressed_file", FileMessages.compressed(name));
        }
        Charset charset = utf16(start);
        if (charset == null) {
            for (byte b : start) {
                // Valid UTF-8 but never text: a zip container (.xlsx) or UTF-16 without its mark; PostgreSQL cannot store it either.
                if (b == 0) {
                    throw ApiException.badRequest("binary_file", FileMessages.binaryFile(name, sent));
                }
            }
        }
        return charset;
    }

    /** UTF-16 by its byte-order mark (the decoder keeps the mark as U+FEFF, dropped after), else null. */
    private static Charset utf16(byte[] bytes) {
        if (bytes.length < 2) {
            return null;
        }
        if (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF ? StandardCharsets.UTF_16BE : null;
    }

    /**
     * Where an upload stops being UTF-8: a lead fixing a file of thousands of rows saved in Windows-1252 looks at that line
     * first. A command's file is read as it streams, and its reader says the line itself.
     */
    private static String firstNotUtf8(byte[] bytes) {
        try {
            int line = Utf8Lines.firstNotUtf8(new ByteArrayInputStream(bytes));
            return line > 0 ? " " + FileMessages.firstNotUtf8Line(line) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String withoutByteOrderMark(String text) {
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }
}
