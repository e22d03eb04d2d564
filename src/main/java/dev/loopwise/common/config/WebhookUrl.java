package dev.loopwise.common.config;

import dev.loopwise.common.StartMessages;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * An address alerts are POSTed to, checked when Loopwise starts: a mistyped one would otherwise be found only at the first
 * alert, when its delivery fails and the person it was meant for is not told.
 */
public final class WebhookUrl implements Converter<String> {
    @Override
    public String convert(String value) {
        String url = value.strip();
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank()) {
                return url;
            }
        } catch (URISyntaxException e) {
            // Refused below, in the same words as any other address that cannot be used.
        }
        throw new IllegalArgumentException(StartMessages.NOT_A_WEBHOOK_URL);
    }
}
