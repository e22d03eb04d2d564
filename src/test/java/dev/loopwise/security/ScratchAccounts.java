package dev.loopwise.security;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accounts and API keys test helpers made ({@link Caller}, the browser tests' reviewers): after each test they are
 * removed with what hangs on them (see {@code review.ScratchAccountsRemoval}), so a run leaves the demo's accounts only.
 */
public final class ScratchAccounts {
    private static final Set<Long> USERS = ConcurrentHashMap.newKeySet();
    private static final Set<Long> KEYS = ConcurrentHashMap.newKeySet();

    private ScratchAccounts() {
    }

    /** What the last test made: accounts (their keys go with them) and keys of accounts that stay (the demo's). */
    public record Made(List<Long> users, List<Long> keys) {
    }

    /** An account made for this test alone. */
    public static User user(User made) {
        USERS.add(made.id);
        return made;
    }

    /** A key made for this test alone, of any account. */
    public static ApiKeyService.CreatedKey key(ApiKeyService.CreatedKey made) {
        KEYS.add(made.key().id);
        return made;
    }

    /** The newest key of this name, made for this test alone by hand (on the Account page, say). */
    public static void keyNamed(String name) {
        KEYS.add(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(
                () -> ApiKey.<ApiKey>find("name = ?1 order by id desc", name).firstResult().id));
    }

    /** Everything made since the last call, forgotten here: the caller removes it. */
    public static synchronized Made take() {
        Made made = new Made(List.copyOf(USERS), List.copyOf(KEYS));
        USERS.removeAll(made.users());
        KEYS.removeAll(made.keys());
        return made;
    }
}
