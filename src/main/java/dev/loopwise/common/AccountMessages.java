package dev.loopwise.common;

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

    public static String keyNameTaken(String username, String name) {
        return "The account " + username + " already has an API key named '" + name + "' in use: give the new key another name,"
                + " or revoke that one first (two keys of one name cannot be told apart in the key list and the audit log)."
                + " No key was created.";
    }
}
