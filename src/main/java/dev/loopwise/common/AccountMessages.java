package dev.loopwise.common;

import dev.loopwise.common.text.PlainText;

/** What the users page and API say about an account's password, roles and keys (one place for their words). */
public final class AccountMessages {
    private AccountMessages() {
    }

    /** The same sentence on create and on change: a service account's password would be stored and never work. */
    public static String servicePassword(boolean creating) {
        return "A service account has no password: it uses API keys only, and never signs in in a browser. Leave the password"
                + " empty. Nothing was " + (creating ? "created." : "changed.");
    }

    /** Giving a password-less service account a person's role needs a password in the same change, as creating one does. */
    public static String passwordForPersonRole(String username, String roles, int minPasswordLength) {
        return "The service account " + username + " has no password, and the role " + roles + " signs in with one: set a new"
                + " password (at least " + minPasswordLength + " characters) in the same change, as when adding an account."
                + " Nothing was changed.";
    }

    public static String displayNameTooLong(int limit) {
        return "A display name is at most " + limit + " characters.";
    }

    /** Such characters would reach every page and the audit log as they are, or show another name than the one stored. */
    public static final String DISPLAY_NAME_NOT_PLAIN = "A display name cannot contain control characters such as tabs, line breaks"
            + " or escape codes, invisible characters such as zero-width spaces, nor marks that reverse the writing direction.";
    /** A name sent blank is a slip, as a blank username is: left out, the username is shown. */
    public static final String DISPLAY_NAME_BLANK = "A display name cannot be blank: write one, or leave it out (on the page, leave"
            + " the field empty) to show the username.";
    /** A name sent blank is a slip, as a blank username is: left out, the key is named "API key". */
    public static final String KEY_NAME_BLANK = "A key's name cannot be blank: write one, or leave it out (on the page, leave the"
            + " field empty) for the default name.";
    public static final String DISPLAY_NAME_INVISIBLE = "A display name needs letters or signs a reader can see; leave it empty to"
            + " show the username.";

    public static String keyNameTaken(String username, String name) {
        return "The account " + username + " already has an API key named '" + name + "' in use: give the new key another name,"
                + " or revoke that one first (two keys of one name cannot be told apart in the key list and the audit log)."
                + " No key was created.";
    }

    /** Said by Loopwise, and by the browser (beside its own "match the requested format") before the form is sent. */
    public static final String USERNAME_RULE = "A username is 2–64 characters: lower-case letters, digits, '.', '_' or '-'.";

    /** Said again if it is revoked twice (two tabs): the key is revoked either way. */
    public static String keyRevoked(String name, String username, boolean accountEnabled) {
        return "Revoked the API key '" + name + "' of " + username + ": programs that send it are refused from now on"
                + (accountEnabled ? "; the account and its other keys keep working." : " (the account is disabled, so none of its"
                + " keys works until it is enabled again).");
    }

    /** For the commands that call a running Loopwise. */
    public static final String API_KEY_NEEDED = "Give an admin's API key with --key KEY or in LOOPWISE_API_KEY (the variable keeps it out of"
            + " the process list, where other users of this machine can read a command's arguments).";
    public static final String OWN_ADMIN_ROLE = "You cannot take away your own admin role: ask another admin to do it.";
    public static final String DISABLE_OWN_ACCOUNT = "You cannot disable your own account: ask another admin to do it.";
    public static final String LAST_ADMIN = "Loopwise needs at least one enabled admin: make another account admin first.";
    public static final String WRONG_CURRENT_PASSWORD = "Your current password is not right; nothing was changed.";
    public static final String PASSWORDS_DIFFER = "The two new passwords differ; type the same one twice.";
    /** Said by the account page before sending too short a new password (what was typed stays), and by Loopwise after. */
    public static String passwordTooShort(int minPasswordLength) {
        return "A password needs at least " + minPasswordLength + " characters.";
    }
    public static final String PASSWORD_CHANGED = "Your password is changed.";
    public static final String KEY_FOR_OTHER_USER = "Only an admin may see, create or revoke the API keys of another account.";
    public static final String CANNOT_DEMOTE_LAST_ADMIN = "This is the last admin account; create another admin first.";
    public static final String KEY_LIMIT_ADMIN_ONLY = "Only an admin may set a key's requests per minute.";
    public static final String SERVICE_SIGN_IN = "A service account has no browser sign-in: its integrations use API keys.";

    /** "Account", the Users page's word, in the API's answers too: one thing under one name wherever it is missing. */
    public static String noAccount(long id) {
        return "No account with id " + id + ".";
    }

    /** Changing one's own password after an admin disabled or removed the account meanwhile. */
    public static String noEnabledAccount(String username) {
        return "No enabled account named '" + PlainText.quoted(username) + "'.";
    }

    /** The name as sent, but with its control and direction marks as codes: a U+202E would turn the sentence around. */
    public static String unknownUser(String username) {
        return "No user named '" + PlainText.quoted(username) + "'.";
    }

    public static String keyForDisabledAccount(String username) {
        return "The account '" + username + "' is disabled, and its keys do not work while it is: enable it on Users first,"
                + " then create the key.";
    }

    public static String usernameTaken(String username) {
        return "The username '" + username + "' is already taken; choose another.";
    }

    public static String unknownRole(String role) {
        if (role == null || role.isBlank()) {
            return "Give the account a role: 'admin', 'reviewer' or 'service' (e.g. \"roles\": \"reviewer\").";
        }
        // The name is quoted as sent: a direction override in it would turn the sentence around where a client shows it.
        return "Unknown role '" + PlainText.quoted(role.strip()) + "': use 'admin', 'reviewer' or 'service'.";
    }

    /** Shown only after the right password, so it tells a guesser nothing; without it the person retries until locked out. */
    public static final String SIGN_IN_DISABLED = "This account is disabled, so it cannot sign in (the password was right). Ask an"
            + " admin of Loopwise to enable it again under Users.";
    /** A session of an account disabled while it was signed in: it ended, and signing in again is refused too. */
    public static final String SESSION_DISABLED = "An admin disabled your account, so your session ended and nothing more is"
            + " saved from it. Ask an admin of Loopwise to enable it again under Users, then log in.";
    /** Instead of the promise to save a kept choice after signing in, which a disabled account cannot keep. */
    public static final String SESSION_DISABLED_CHOICE = "Your last choice on the judging page was not saved: the account was"
            + " disabled before it reached Loopwise. Once it is enabled again, judge that ticket again if it comes back to you.";
    public static final String SIGN_IN_SERVICE = "This is a service account: a helpdesk integration's, which uses API keys only and"
            + " never signs in in a browser. Sign in with your own account, or ask an admin for one.";
    public static final String PASSWORD_GUESSABLE = "This password is among the first anyone guesses: a few characters repeated"
            + " (aaaaaaaaaa, 1212121212) or a run such as 0123456789 or abcdefghij. Use a few words or a mix of letters and digits.";
    public static final String PASSWORD_STDIN_NOT_UTF8 = "The password read from stdin is not UTF-8 text, so it would not be the"
            + " password the sign-in page sends: save or pipe it as UTF-8 (an accented letter saved in another encoding is the usual"
            + " cause) and run the command again. No account was added.";
}
