package dev.loopwise.privacy;

import dev.loopwise.common.config.OneOf;
import dev.loopwise.common.config.Switch;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What reviewers and preference exports may not see ({@code LOOPWISE_PRIVACY_MASK_FOR_REVIEWERS}, ...). */
@ConfigMapping(prefix = "loopwise.privacy")
public interface PrivacyConfig {
    /**
     * Mask personal data in review items (pages and API) and in preference exports. Stored tickets and served
     * replies keep the real values: a reply's slots are filled from them.
     */
    @WithDefault("true")
    @WithConverter(Switch.class)
    boolean maskForReviewers();

    /** Which kinds: email, iban, card, ip, id (national identity numbers), phone, address. */
    @WithDefault("email,iban,card,ip,id,phone,address")
    @WithConverter(MaskedKind.class)
    List<String> maskedKinds();

    /** The words {@link #maskedKinds()} takes: a mistyped one used to start fine and fail every review item. */
    final class MaskedKind extends OneOf {
        public MaskedKind() {
            super(Arrays.stream(PiiMasker.Kind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toArray(String[]::new));
        }
    }
}
