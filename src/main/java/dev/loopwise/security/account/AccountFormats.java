package dev.loopwise.security.account;

import dev.loopwise.common.AccountMessages;
import dev.loopwise.common.ReviewMessages;
import dev.loopwise.common.text.TemplateFormats;
import dev.loopwise.security.Role;
import dev.loopwise.security.apikey.ApiKey;
import dev.loopwise.security.user.User;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import java.util.List;
import java.util.Set;

/** How an account and its API keys read on the account and users pages. */
@TemplateExtension
public class AccountFormats {

    /** Shown on the sign-in page when the judging page kept a choice its ended session could not save. */
    @TemplateExtension(namespace = "login")
    static String unsentChoice() {
        return ReviewMessages.REVIEW_CHOICE_WAITS;
    }

    /** Said instead when the session ended because the account was disabled: the kept choice is given up. */
    @TemplateExtension(namespace = "login")
    static String unsentChoiceDisabled() {
        return AccountMessages.SESSION_DISABLED_CHOICE;
    }

    /** Said on the account page before sending two new passwords that differ, so what was typed stays. */
    @TemplateExtension(namespace = "account")
    static String passwordsDiffer() {
        return AccountMessages.PASSWORDS_DIFFER;
    }

    @TemplateExtension(namespace = "account")
    static String usernameRule() {
        return AccountMessages.USERNAME_RULE;
    }

    @TemplateExtension(namespace = "account")
    static String passwordTooShort(int minPasswordLength) {
        return AccountMessages.passwordTooShort(minPasswordLength);
    }

    // Whole dates, as in the Created column: these cells are as narrow.
    static RawString lastUsed(ApiKey key) {
        return key.lastUsedAt == null ? new RawString("never") : TemplateFormats.stamp(key.lastUsedAt);
    }

    static RawString state(ApiKey key) {
        return key.revokedAt == null ? new RawString("active") : new RawString("revoked " + TemplateFormats.stamp(key.revokedAt).getValue());
    }

    /**
     * The account's one role, or "" when it holds several: the Change form then offers them together, selected, so that
     * saving it unchanged keeps every one of them.
     */
    static String onlyRole(User user) {
        Set<String> roles = user.roleSet();
        return roles.size() == 1 ? roles.iterator().next() : "";
    }

    /** The enabled service accounts, the ones a helpdesk's key belongs to; the others stay under their own Change. */
    static List<User> helpdeskAccounts(List<User> users) {
        return users.stream().filter(user -> user.isEnabled() && onlyRole(user).equals(Role.SERVICE)).toList();
    }

    static String rolesTogether(User user) {
        return String.join(" and ", user.roleSet());
    }

    static RawString status(User user) {
        return new RawString(user.isEnabled() ? "enabled" : "disabled " + TemplateFormats.stamp(user.disabledAt).getValue());
    }
}
