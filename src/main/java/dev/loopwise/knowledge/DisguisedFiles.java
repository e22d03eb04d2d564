package dev.loopwise.knowledge;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.KnowledgeFileMessages;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Files whose name says one thing and whose bytes another: a PDF or a zip renamed {@code .md}, which would otherwise be
 * called text in the wrong encoding or just "binary", and an HTML page saved as {@code .md}, which read as Markdown would
 * keep its title, headings and text run together as one paragraph.
 */
final class DisguisedFiles {
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private DisguisedFiles() {
    }

    /** Refuses a PDF or a zip container (an archive, a .docx, an .odt), whatever the file's name, saying what it is. */
    static void refuse(byte[] bytes, String name) {
        boolean pdf = startsWith(bytes, PDF);
        if (pdf || startsWith(bytes, ZIP)) {
            throw ApiException.badRequest("unsupported_type", KnowledgeFileMessages.knowledgeFileInDisguise(name, pdf));
        }
    }

    /** Whether a file sent as Markdown or plain text is a whole HTML page: it opens with its doctype or its html element. */
    static boolean htmlPage(String text) {
        String start = text.stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes != null && bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }
}
