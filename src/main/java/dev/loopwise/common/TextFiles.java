package dev.loopwise.common;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files and bodies people send, read as text. Only UTF-8 is read, and anything else is refused with a 400 that says
 * so: decoding leniently would store replacement characters in place of the customer's words, and a Windows-1252
 * export would do that silently. A leading byte-order mark (what Excel writes as "CSV UTF-8") is dropped, since it is
 * invisible and would otherwise become part of the first column's name or the first line.
 */
public final class TextFiles {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private TextFiles() {
    }

    /** @param name the file's name for the message, or null for a request body */
    public static String utf8(byte[] bytes, String name) {
        for (byte b : bytes) {
            // Valid UTF-8 but never text: a zip container (.xlsx) or UTF-16 without its mark; PostgreSQL cannot store it either.
            if (b == 0) {
                throw ApiException.badRequest("binary_file", Messages.binaryFile(name));
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return withoutByteOrderMark(text);
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("not_utf8", Messages.notUtf8(name));
        }
    }

    public static String utf8(Path file, String name) throws IOException {
        return utf8(Files.readAllBytes(file), name);
    }

    public static String withoutByteOrderMark(String text) {
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }
}
