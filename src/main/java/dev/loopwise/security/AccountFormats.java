package dev.loopwise.security;

import dev.loopwise.common.TemplateFormats;
import io.quarkus.qute.TemplateExtension;

/** How an API key's history reads on the account page. */
@TemplateExtension
public class AccountFormats {

    static String lastUsed(ApiKey key) {
        return key.lastUsedAt == null ? "never" : TemplateFormats.when(key.lastUsedAt);
    }

    static String state(ApiKey key) {
        return key.revokedAt == null ? "active" : "revoked " + TemplateFormats.when(key.revokedAt);
    }
}
