package dev.loopwise.security.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ApiException;
import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.security.Caller;
import dev.loopwise.security.Role;
import dev.loopwise.security.RoleNames;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.SecurityConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real sign-ins through Quarkus' form login, from several client addresses (loopback aliases), on the
 * canonical path and on a path that merely ends in it: guessing locks an account for strangers but not
 * where its owner signs in, an address that guesses is refused for every account, and the counts are
 * the database's, so they hold across instances.
 */
@QuarkusTest
class LoginThrottleTest {
    private static final AtomicInteger UNIQUE = new AtomicInteger();
    private static final String PASSWORD = "throttle-password-1";
    /**
     * Quarkus' form login answers every path that ends in its post location once something asks who the
     * caller is there: a page that takes a trailing id does, and so do the admin-only operations paths.
     */
    private static final String[] PATHS = {"/j_security_check", "/admin/users/j_security_check", "/q/metrics/j_security_check"};

    @Inject
    UserService users;
    @Inject
    EntityManager em;
    @Inject
    SecurityConfig config;
    @Inject
    LoginThrottle throttle;

    @AfterEach
    void forgiveTheAdmin() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from sign_in_failures").executeUpdate());
    }

    @Test
    void guessesOnAnyPathLockTheAccountForStrangersButNotWhereItsOwnerSignsIn() {
        String user = newUser();
        assertTrue(SignInFrom.post("127.0.0.2", "/j_security_check", user, PASSWORD).signedIn(), "the owner signs in from .2");
        for (int i = 0; i < 5; i++) {
            SignInFrom.Answer answer = SignInFrom.post("127.0.0.3", PATHS[i % PATHS.length], user, "guess-" + i);
            assertEquals(303, answer.status(), "every path answers like the sign-in form: " + answer);
            assertEquals(i == 4, answer.locked(), "guess " + (i + 1) + ": " + answer);
        }
        assertEquals(5, failures("account", user));
        SignInFrom.Answer guesser = SignInFrom.post("127.0.0.3", "/q/metrics/j_security_check", user, PASSWORD);
        assertTrue(guesser.locked() && !guesser.signedIn(), "the right password from the guesser's address: " + guesser);
        assertTrue(SignInFrom.post("127.0.0.4", "/j_security_check", user, PASSWORD).locked(), "nor from any other stranger");
        assertEquals(5, failures("account", user), "refusals of a locked account are not guesses");
        assertTrue(SignInFrom.post("127.0.0.2", "/j_security_check", user, PASSWORD).signedIn(),
                "where the owner signed in before, the lock does not apply");
    }

    @Test
    void nobodyCanLockTheAdminOut() {
        Caller.session("admin");
        for (int i = 0; i < 7; i++) {
            SignInFrom.post("127.0.0.5", PATHS[i % PATHS.length], "admin", "guess-" + i);
        }
        assertTrue(SignInFrom.post("127.0.0.5", "/j_security_check", "admin", DemoWorkspace.ADMIN_PASSWORD).locked());
        Caller.session("admin").request().accept("text/html").get("/admin").then().statusCode(200);
    }

    @Test
    void anAddressThatGuessesTooOftenIsRefusedForEveryAccount() {
        int limit = config.login().maxFailuresPerAddress();
        SignInFrom.Answer last = null;
        for (int i = 0; i < limit; i++) {
            last = SignInFrom.post("127.0.0.6", PATHS[i % PATHS.length], "nobody-" + UNIQUE.incrementAndGet(), "guess");
        }
        assertTrue(last.locked(), "the guess that reaches the limit locks the address: " + last);
        String user = newUser();
        assertTrue(SignInFrom.post("127.0.0.6", "/j_security_check", user, PASSWORD).locked(), "a real account from there too");
        assertTrue(SignInFrom.post("127.0.0.7", "/j_security_check", user, PASSWORD).signedIn(), "other addresses are not affected");
    }

    /**
     * An office behind one shared address: one person's typos lock the address, but a colleague who signed in from
     * there before still gets in; an account that never signed in from there is refused, and so is the colleague's
     * own account once it is guessed at too: a guesser behind that address gets no more than the account's limit.
     */
    @Test
    void aLockedAddressStillLetsInAccountsThatSignedInFromIt() {
        String colleague = newUser();
        assertTrue(SignInFrom.post("127.0.0.13", "/j_security_check", colleague, PASSWORD).signedIn(), "the colleague signs in from .13");
        int limit = config.login().maxFailuresPerAddress();
        for (int i = 0; i < limit; i++) {
            SignInFrom.post("127.0.0.13", PATHS[i % PATHS.length], "nobody-" + UNIQUE.incrementAndGet(), "typo");
        }
        assertTrue(SignInFrom.post("127.0.0.13", "/j_security_check", "nobody-" + UNIQUE.incrementAndGet(), "typo").locked());
        assertTrue(SignInFrom.post("127.0.0.13", "/j_security_check", colleague, PASSWORD).signedIn(),
                "the address's lock does not apply to an account that signed in from it");
        String stranger = newUser();
        SignInFrom.Answer refused = SignInFrom.post("127.0.0.13", "/j_security_check", stranger, PASSWORD);
        assertTrue(refused.locked() && !refused.signedIn(), "an account new to the address is still refused: " + refused);
        for (int i = 0; i < 5; i++) {
            assertFalse(SignInFrom.post("127.0.0.13", "/j_security_check", colleague, "guess-" + i).signedIn());
        }
        assertTrue(SignInFrom.post("127.0.0.13", "/j_security_check", colleague, PASSWORD).locked(),
                "with its account locked too, guessing from the locked address stops there");
    }

    /**
     * Anyone on IPv6 holds a whole /64 (2^64 addresses): counted one address at a time, a guesser would change address at
     * every attempt and never meet the address limit. The machine running the tests has one IPv6 address, so the
     * addresses are handed to the throttle as the sign-in gate hands it the client's.
     */
    @Test
    void anIpv6GuesserIsCountedByItsNetworkNotByEachOfItsAddresses() {
        int limit = config.login().maxFailuresPerAddress();
        for (int i = 1; i <= limit; i++) {
            throttle.failed("nobody-" + UNIQUE.incrementAndGet(), "2001:db8:7:7:" + Integer.toHexString(i) + "::1");
        }
        assertTrue(throttle.isLocked("nobody-" + UNIQUE.incrementAndGet(), "2001:db8:7:7:ffff:ffff:ffff:ffff"),
                "another address of the same /64 is locked too");
        assertTrue(throttle.isLocked("nobody-" + UNIQUE.incrementAndGet(), "2001:0DB8:0007:0007::abcd"),
                "however the address is written");
        assertFalse(throttle.isLocked("nobody-" + UNIQUE.incrementAndGet(), "2001:db8:7:8::1"), "the next network is not");
        assertFalse(throttle.isLocked("nobody-" + UNIQUE.incrementAndGet(), "203.0.113.7"), "nor an IPv4 address");
        // An IPv4 address, also when written as IPv6, is counted on its own.
        for (int i = 1; i <= limit; i++) {
            throttle.failed("nobody-" + UNIQUE.incrementAndGet(), "::ffff:203.0.113.8");
        }
        assertTrue(throttle.isLocked("nobody-" + UNIQUE.incrementAndGet(), "203.0.113.8"));
        assertFalse(throttle.isLocked("nobody-" + UNIQUE.incrementAndGet(), "203.0.113.9"));
    }

    @Test
    void countsAreSharedThroughTheDatabaseAndForgottenAfterTheWindow() {
        String user = newUser();
        // Four failures counted by another instance.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into sign_in_failures (scope, subject, window_start, failures) values ('account', ?1, now(), 4)")
                .setParameter(1, user).executeUpdate());
        assertTrue(SignInFrom.post("127.0.0.8", "/admin/users/j_security_check", user, "guess").locked(), "this instance's one more locks");
        // The lock ends on every instance at once.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update sign_in_failures set locked_until = now() - interval '1 second' where subject = ?1")
                .setParameter(1, user).executeUpdate());
        assertFalse(SignInFrom.post("127.0.0.8", "/j_security_check", user, "guess-again").locked());
        assertEquals(1, failures("account", user), "after a lockout the count starts again");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update sign_in_failures set window_start = now() - interval '16 minutes' where subject = ?1")
                .setParameter(1, user).executeUpdate());
        SignInFrom.post("127.0.0.8", "/j_security_check", user, "guess-three");
        assertEquals(1, failures("account", user), "failures older than the window are forgotten");
        assertTrue(SignInFrom.post("127.0.0.8", "/j_security_check", user, PASSWORD).signedIn());
        assertEquals(0, failures("account", user), "a sign-in starts the count again");
    }

    @Test
    void aServiceAccountHasNoBrowserSignIn() {
        // Made as one, it gets no password: one given is refused rather than stored to never work.
        String given = "helpdesk-" + UNIQUE.incrementAndGet();
        assertEquals("service_password", org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
                () -> users.create(given, PASSWORD, Role.SERVICE, null)).code);
        // Turned into one, the password it had as a reviewer no longer signs it in.
        String name = "helpdesk-" + UNIQUE.incrementAndGet();
        long id = ScratchAccounts.user(users.create(name, PASSWORD, Role.REVIEWER, null)).id;
        users.update("admin", id, new UserService.UserChange(null, new RoleNames(Role.SERVICE), null, null));
        assertFalse(SignInFrom.post("127.0.0.9", "/j_security_check", name, PASSWORD).signedIn());
    }

    @Test
    void aUsernameWithANulIsARefusedSignInCountedAgainstItsAddress() {
        // PostgreSQL cannot compare a NUL: looked up, it failed the sign-in with a 400 about storing values.
        SignInFrom.Answer answer = SignInFrom.post("127.0.0.12", "/j_security_check", "ad\u0000min", DemoWorkspace.ADMIN_PASSWORD);
        assertFalse(answer.signedIn());
        assertEquals(3, answer.status() / 100, "a refused sign-in goes back to the sign-in page: " + answer);
        assertTrue(answer.location() != null && answer.location().endsWith("/login?error=true"), answer.toString());
        assertEquals(1, failures("address", LoginThrottle.network("127.0.0.12")), "the guess still counts against its address");
    }

    private String newUser() {
        String name = "throttled" + UNIQUE.incrementAndGet() + "-" + System.nanoTime() % 100000;
        return ScratchAccounts.user(users.create(name, PASSWORD, Role.REVIEWER, null)).username;
    }

    private int failures(String scope, String subject) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select failures from sign_in_failures where scope = ?1 and subject = ?2")
                .setParameter(1, scope).setParameter(2, subject).getResultList()
                .stream().mapToInt(n -> ((Number) n).intValue()).findFirst().orElse(0));
    }
}
