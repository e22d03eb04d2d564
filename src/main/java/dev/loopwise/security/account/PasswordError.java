package dev.loopwise.security.account;

import dev.loopwise.common.ApiException;

/**
 * Why a password change was refused, and the field to fix: the account page marks that field and puts the cursor in it,
 * so the person knows where to type instead of finding three empty fields and a sentence above them.
 */
public record PasswordError(String message, String field) {

    static PasswordError of(ApiException refused) {
        String field = switch (refused.code == null ? "" : refused.code) {
            case "wrong_password" -> "currentPassword";
            case "passwords_differ" -> "repeatPassword";
            case "password_needed", "weak_password", "invalid_password", "password_too_long" -> "newPassword";
            default -> "";
        };
        return new PasswordError(refused.getMessage(), field);
    }
}
