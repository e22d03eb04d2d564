package dev.loopwise.common.http;

import dev.loopwise.common.HttpMessages;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The address of a running Loopwise given to a command that calls it ({@code --url}, {@code --versus}): checked when the
 * command line is read, so that a mistyped one is named with how to write it instead of failing later with Java's words
 * about URI syntax ("URI with undefined scheme", "Malformed escape pair at index 22").
 */
public final class ServerAddress implements ITypeConverter<String> {

    @Override
    public String convert(String value) {
        if (!isServer(value)) {
            throw new TypeConversionException(HttpMessages.notAServerAddress(value));
        }
        return value;
    }

    /** http:// or https://, a host, an optional port and path: what the commands put their API paths after. */
    static boolean isServer(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }
}
