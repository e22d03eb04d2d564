package dev.loopwise.security.account;

import dev.loopwise.common.ApiException;
import dev.loopwise.security.user.User;

/**
 * A Change form of the Users page that was refused, shown again open at its account with what was typed and the cursor in
 * the field to fix and what to fix right under the form: it used to come back folded, with the typed name, role and status
 * gone, the cursor at the page's top and the sentence there, off a phone's screen.
 * The password is never sent back.
 */
public record RefusedChange(long userId, String displayName, String role, String status, String field, String error) {
    static final RefusedChange NONE = new RefusedChange(-1, null, null, null, null, null);

    static RefusedChange of(long userId, String displayName, String role, String status, ApiException refused) {
        return new RefusedChange(userId, displayName, role, status, fieldOf(refused, "disabled".equals(status)), refused.getMessage());
    }

    public boolean shownIn(long id) {
        return userId == id;
    }

    public String displayName(User user) {
        return shownIn(user.id) && displayName != null ? displayName : user.displayName;
    }

    /** The option the role list shows chosen: the one sent, or the account's role (its roles together when it has several). */
    public String role(User user) {
        if (shownIn(user.id) && role != null) {
            return role;
        }
        String only = AccountFormats.onlyRole(user);
        return only.isEmpty() ? user.roles : only;
    }

    public boolean disabled(User user) {
        return shownIn(user.id) && status != null ? "disabled".equals(status) : !user.isEnabled();
    }

    /** Whether {@code name} is the field of this account's form that the refusal is about. */
    public boolean marks(User user, String name) {
        return shownIn(user.id) && name.equals(field);
    }

    private static String fieldOf(ApiException refused, boolean disabling) {
        return switch (refused.code == null ? "" : refused.code) {
            case "invalid_display_name" -> "displayName";
            case "password_needed", "weak_password", "invalid_password", "password_too_long", "service_password" -> "password";
            case "invalid_roles", "unknown_role", "conflicting_roles", "own_admin_role" -> "role";
            case "own_account" -> "status";
            case "last_admin" -> disabling ? "status" : "role";
            default -> null;
        };
    }
}
