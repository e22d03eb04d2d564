package dev.loopwise.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;

/** The workspace's masking rule, as configured; every text shown to reviewers or exported passes through it. */
@ApplicationScoped
public class ReviewerPrivacy {
    private final PiiMasker masker;

    @Inject
    public ReviewerPrivacy(PrivacyConfig config) {
        Set<PiiMasker.Kind> kinds = EnumSet.noneOf(PiiMasker.Kind.class);
        if (config.maskForReviewers()) {
            config.maskedKinds().stream().filter(k -> !k.isBlank()).map(PiiMasker.Kind::parse).forEach(kinds::add);
        }
        this.masker = new PiiMasker(kinds);
    }

    public String mask(String text) {
        return masker.mask(text);
    }
}
