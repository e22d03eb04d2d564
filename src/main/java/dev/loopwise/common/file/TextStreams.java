package dev.loopwise.common.file;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.FileMessages;
import java.io.BufferedInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A file a command reads, decoded as it is read, by the rules of {@link TextFiles} (UTF-8, or UTF-16 with its mark; the
 * mark dropped; a NUL or bytes that are not the encoding refused): a file of any size is then read in the memory of a
 * few buffers, never held whole. Gzip is decompressed by the caller.
 */
public final class TextStreams {
    /** Bytes looked at before decoding: enough to tell the encoding, and a binary file by the NULs near its start. */
    private static final int PREFIX = 64 * 1024;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private TextStreams() {
    }

    /** @param name the file's name, for the messages */
    public static Reader ofCommandFile(InputStream bytes, String name) throws IOException {
        BufferedInputStream in = new BufferedInputStream(bytes, PREFIX);
        in.mark(PREFIX);
        byte[] prefix = in.readNBytes(PREFIX);
        in.reset();
        Charset charset = TextFiles.unicodeOrRefuse(prefix, name, false);
        Reader decoded = new InputStreamReader(in, (charset == null ? StandardCharsets.UTF_8 : charset).newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        return new Checked(decoded, name);
    }

    /** Drops the leading mark, and says what is wrong, in the words of a whole-file read, where the text stops being text. */
    private static final class Checked extends FilterReader {
        private final String name;
        private boolean started;

        Checked(Reader in, String name) {
            super(in);
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = in.read(buffer, offset, length);
                if (!started && n > 0) {
                    started = true;
                    if (buffer[offset] == BYTE_ORDER_MARK) {
                        System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                        n = n - 1 > 0 ? n - 1 : in.read(buffer, offset, length);
                    }
                }
            } catch (CharacterCodingException e) {
                throw ApiException.badRequest("not_utf8", FileMessages.notUtf8(name, false));
            }
            for (int i = offset; i < offset + n; i++) {
                // UTF-32's mark begins like UTF-16's: read as UTF-16 it is full of NULs; past the first bytes, a NUL is binary too.
                if (buffer[i] == '\0') {
                    throw ApiException.badRequest("binary_file", FileMessages.binaryFile(name, false));
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            char[] skipped = new char[(int) Math.min(n, 8192)];
            long left = n;
            for (int read; left > 0 && (read = read(skipped, 0, (int) Math.min(left, skipped.length))) > 0; ) {
                left -= read;
            }
            return n - left;
        }
    }
}
