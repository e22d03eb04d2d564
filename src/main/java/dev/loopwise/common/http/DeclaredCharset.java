package dev.loopwise.common.http;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.FileMessages;
import dev.loopwise.common.HttpMessages;
import dev.loopwise.common.file.TextFiles;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.HashMap;
import java.util.Map;

/**
 * A body is read in the charset its Content-Type names: a CSV saved by Excel as ISO-8859-1 or windows-1252, or JSON sent
 * as UTF-16, reaches the importers and Jackson as the text that was sent, where reading its bytes as UTF-8 would refuse
 * it or, worse, read other words. Every reader after this one (the file importers, Jackson, a String body) then sees
 * UTF-8, the one encoding they all read. A byte-order mark outranks a non-Unicode charset beside it: the mark cannot
 * be there by accident, the label can. Bytes that are not text in the named charset are refused whole, before anything
 * reads them; a charset Java does not know never gets here ({@link HttpLayerErrors} refuses it). Forms are decoded in
 * their charset by the form reader itself and pass no entity reader, so they are untouched here.
 */
@Provider
public class DeclaredCharset implements ReaderInterceptor {
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        String named = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        Charset charset = charset(named);
        if (charset == null || charset.equals(StandardCharsets.UTF_8)) {
            return context.proceed();
        }
        byte[] bytes = context.getInputStream().readAllBytes();
        if (TextFiles.gzip(bytes)) {
            // Decoded as text first, it would no longer look compressed and would be refused as something else.
            throw ApiException.badRequest("compressed_file", FileMessages.compressed(null));
        }
        String labelled = charset.name();
        if (charset.equals(StandardCharsets.UTF_16) && !byteOrderMark(bytes)) {
            charset = byteOrder(bytes);
        }
        if (!unicode(charset) && byteOrderMark(bytes)) {
            context.setInputStream(new ByteArrayInputStream(bytes));
        } else {
            String text;
            try {
                text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw ApiException.badRequest("not_in_charset", HttpMessages.bodyNotInCharset(labelled));
            }
            context.setInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        }
        Map<String, String> parameters = new HashMap<>(type.getParameters());
        parameters.put(MediaType.CHARSET_PARAMETER, StandardCharsets.UTF_8.name());
        context.setMediaType(new MediaType(type.getType(), type.getSubtype(), parameters));
        return context.proceed();
    }

    /** The charset a Content-Type names, or null for none (an unknown one was refused before the request got here). */
    private static Charset charset(String named) {
        if (named == null) {
            return null;
        }
        String name = named.strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).strip();
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static boolean unicode(Charset charset) {
        return charset.name().startsWith("UTF-") || charset.name().startsWith("x-UTF-");
    }

    /**
     * The byte order of UTF-16 sent without its mark. The RFC reads it as big-endian, but Windows and .NET write "utf-16"
     * little-endian and browsers read the label so: read big-endian, such a file became Chinese-looking characters. Text
     * is mostly ASCII, whose characters have a zero byte on the side the order puts second or first; where neither side
     * has more (no ASCII at all), the RFC decides.
     */
    private static Charset byteOrder(byte[] bytes) {
        int zeroFirst = 0;
        int zeroSecond = 0;
        for (int i = 0; i + 1 < Math.min(bytes.length, 64 * 1024); i += 2) {
            zeroFirst += bytes[i] == 0 ? 1 : 0;
            zeroSecond += bytes[i + 1] == 0 ? 1 : 0;
        }
        return zeroSecond > zeroFirst ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
    }

    /** UTF-8's or UTF-16's mark, which the readers after this one recognise and read by. */
    private static boolean byteOrderMark(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF
                || bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF);
    }
}
