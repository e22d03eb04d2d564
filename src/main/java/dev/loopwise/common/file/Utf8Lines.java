package dev.loopwise.common.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Where a file stops being UTF-8: the decoder a file is read with says only that it is not, and a file of thousands of
 * lines saved in Latin-1 or Windows-1252 is fixed fastest by looking at the line that holds the first such character.
 */
public final class Utf8Lines {
    private Utf8Lines() {
    }

    /** The line (from 1) of the first bytes that are not UTF-8, or 0 when there are none. */
    public static int firstNotUtf8(InputStream bytes) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        int line = 1;
        boolean end = false;
        while (!end) {
            int n = bytes.read(in.array(), in.position(), in.remaining());
            end = n < 0;
            in.position(in.position() + Math.max(n, 0));
            in.flip();
            CoderResult result;
            do {
                result = decoder.decode(in, out, end);
                line += newlines(out);
            } while (result.isOverflow());
            if (result.isError()) {
                return line;
            }
            in.compact();
        }
        return 0;
    }

    private static int newlines(CharBuffer out) {
        out.flip();
        int count = 0;
        while (out.hasRemaining()) {
            if (out.get() == '\n') {
                count++;
            }
        }
        out.clear();
        return count;
    }
}
