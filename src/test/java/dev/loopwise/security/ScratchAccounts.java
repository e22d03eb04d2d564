package dev.loopwise.security;

import dev.loopwise.security.apikey.ApiKey;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.User;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accounts and API keys test helpers made ({@link Caller}, the browser tests' reviewers), and those a test made
 * itself, through a service, the API or a page: after each test they are removed with what hangs on them (see
 * {@code review.ScratchAccountsRemoval}), so a run leaves the demo's accounts only.
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

    /** The account of this name, made for this test alone through the API or a page. */
    public static void userNamed(String username) {
        USERS.add(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(
                () -> User.findByUsername(username).orElseThrow().id));
    }

    /** A key made for this test alone, of any account. */
    public static ApiKeyService.CreatedKey key(ApiKeyService.CreatedKey made) {
        KEYS.add(made.key().id);
        return made;
    }

    /** A key made for this test alone through the API, by its id. */
    public static long keyWithId(long id) {
        KEYS.add(id);
        return id;
    }

    /** The newest key of this name, made for this test alone by hand (on the Account page, say). */
    public static void keyNamed(String name) {
        KEYS.add(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(
                () -> ApiKey.<ApiKey>find("name = ?1 order by id desc", name).firstResult().id));
    }

    /** The newest account and key ids, before a test makes some it cannot name (the bodies of {@link Endpoints}, say). */
    public record Mark(long user, long key) {
    }

    public static Mark mark() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> new Mark(
                User.<User>find("order by id desc").firstResultOptional().map(u -> u.id).orElse(0L),
                ApiKey.<ApiKey>find("order by id desc").firstResultOptional().map(k -> k.id).orElse(0L)));
    }

    /** Every account and key made since the mark, made for this test alone: tests run one at a time, so all are its own. */
    public static void madeSince(Mark mark) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            User.<User>list("id > ?1", mark.user()).forEach(u -> USERS.add(u.id));
            ApiKey.<ApiKey>list("id > ?1", mark.key()).forEach(k -> KEYS.add(k.id));
        });
    }

    /** Everything made since the last call, forgotten here: the caller removes it. */
    public static synchronized Made take() {
        Made made = new Made(List.copyOf(USERS), List.copyOf(KEYS));
        USERS.removeAll(made.users());
        KEYS.removeAll(made.keys());
        return made;
    }
}
