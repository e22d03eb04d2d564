package dev.loopwise.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** What reviewers and preference exports may not see ({@code LOOPWISE_PRIVACY_MASK_FOR_REVIEWERS}, ...). */
@ConfigMapping(prefix = "loopwise.privacy")
public interface PrivacyConfig {
    /**
     * Mask personal data in review items (pages and API) and in preference exports. Stored tickets and served
     * replies keep the real values: a reply's slots are filled from them.
     */
    @WithDefault("true")
    boolean maskForReviewers();

    /** Which kinds: email, iban, card, ip, phone, address. */
    @WithDefault("email,iban,card,ip,phone,address")
    List<String> maskedKinds();
}
