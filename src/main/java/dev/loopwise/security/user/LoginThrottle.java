package dev.loopwise.security.user;

import dev.loopwise.common.runtime.ApplicationStopping;
import dev.loopwise.security.SecurityConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.NetUtil;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.Locale;

/**
 * Counts failed sign-ins per account and per client address in PostgreSQL, so every instance sees the
 * same counts and a restart forgives nothing. An address that guessed too often is refused for every
 * account that has not signed in from it within the trust period: one person's typos behind an office's
 * shared address must not lock out their colleagues, while strangers' guesses from there stay refused.
 * An account that was guessed at too often is refused — except from an address it signed in from
 * successfully within the trust period: strangers' guesses must not lock its owner out, the admin above
 * all. Where both the address and the account are locked, the attempt is refused even from a trusted
 * address, so a guesser behind that address gets no more than the account's own limit. Each call runs in
 * its own transaction, so that a refusal which rolls back the caller's work still counts.
 */
@ApplicationScoped
public class LoginThrottle {
    static final String ACCOUNT = "account";
    static final String ADDRESS = "address";

    @Inject
    EntityManager em;
    @Inject
    SecurityConfig config;
    @Inject
    MeterRegistry metrics;

    /** Whether a sign-in for this account from this address is refused without checking its password. */
    @ActivateRequestContext
    @Transactional(TxType.REQUIRES_NEW)
    public boolean isLocked(String username, String address) {
        boolean accountLocked = username != null && locked(ACCOUNT, key(username));
        boolean addressLocked = address != null && locked(ADDRESS, network(address));
        if (!accountLocked && !addressLocked) {
            return false;
        }
        boolean trusted = username != null && trusted(username, address);
        return accountLocked && addressLocked || !trusted;
    }

    /** Whether the account is locked, wherever the attempt comes from (changing a password needs no address). */
    @ActivateRequestContext
    @Transactional(TxType.REQUIRES_NEW)
    public boolean isUserLocked(String username) {
        return username != null && locked(ACCOUNT, key(username));
    }

    /** Counts a failed attempt against the account and the address; either may lock as a result. */
    @ActivateRequestContext
    @Transactional(TxType.REQUIRES_NEW)
    public void failed(String username, String address) {
        Counter.builder("loopwise.login.failures").description("Failed sign-ins").register(metrics).increment();
        if (username != null) {
            count(ACCOUNT, key(username), config.login().maxFailuresPerUser());
        }
        if (address != null) {
            count(ADDRESS, network(address), config.login().maxFailuresPerAddress());
        }
    }

    /**
     * The account's count starts again unless it is locked (a lock runs its course: its owner is not kept
     * out where they are trusted); the address becomes trusted for the account. The address keeps its own
     * count: one valid account must not let a guesser start over.
     */
    @ActivateRequestContext
    @Transactional(TxType.REQUIRES_NEW)
    public void succeeded(String username, String address) {
        em.createNativeQuery("delete from sign_in_failures where scope = ?1 and subject = ?2"
                        + " and (locked_until is null or locked_until <= now())")
                .setParameter(1, ACCOUNT).setParameter(2, key(username)).executeUpdate();
        if (address != null) {
            em.createNativeQuery("""
                    insert into sign_in_trust (username, address, last_success_at) values (?1, ?2, now())
                    on conflict (username, address) do update set last_success_at = now()""")
                    .setParameter(1, key(username)).setParameter(2, network(address)).executeUpdate();
        }
    }

    /** A new password ends the lock: the admin who set it has vouched for the person. Joins the caller's transaction. */
    @Transactional
    public void forgive(String username) {
        em.createNativeQuery("delete from sign_in_failures where scope = ?1 and subject = ?2")
                .setParameter(1, ACCOUNT).setParameter(2, key(username)).executeUpdate();
    }

    public long lockoutSeconds() {
        return Math.max(1, config.login().lockout().toSeconds());
    }

    /**
     * Seconds until the locks on this account and this address have both run out (0: neither is locked), rounded up:
     * what the refusal tells the person as the time to try again.
     */
    @ActivateRequestContext
    @Transactional(TxType.REQUIRES_NEW)
    public long secondsLocked(String username, String address) {
        Number left = (Number) em.createNativeQuery("""
                select coalesce(ceil(extract(epoch from max(locked_until) - now())), 0) from sign_in_failures
                where locked_until > now() and (scope = ?1 and subject = ?2 or scope = ?3 and subject = ?4)""")
                .setParameter(1, ACCOUNT).setParameter(2, username == null ? "" : key(username))
                .setParameter(3, ADDRESS).setParameter(4, address == null ? "" : network(address)).getSingleResult();
        return left.longValue();
    }

    /** Old counts and trust would otherwise pile up with every name a guesser tries; any instance may tidy. */
    @Scheduled(identity = "sign-in-cleanup", every = "1h", delayed = "5m",
            skipExecutionIf = ApplicationStopping.class)
    @Nonconcurrent
    @ActivateRequestContext
    @Transactional
    void forgetOldEntries() {
        em.createNativeQuery("delete from sign_in_failures where (locked_until is null or locked_until < now())"
                + " and window_start < now() - ?1 * interval '1 second'")
                .setParameter(1, config.login().window().toSeconds()).executeUpdate();
        em.createNativeQuery("delete from sign_in_trust where last_success_at < now() - ?1 * interval '1 second'")
                .setParameter(1, config.login().trustPeriod().toSeconds()).executeUpdate();
    }

    private boolean locked(String scope, String subject) {
        return !em.createNativeQuery("select 1 from sign_in_failures where scope = ?1 and subject = ?2 and locked_until > now()")
                .setParameter(1, scope).setParameter(2, subject).getResultList().isEmpty();
    }

    private boolean trusted(String username, String address) {
        return address != null && !em.createNativeQuery("""
                select 1 from sign_in_trust where username = ?1 and address = ?2
                and last_success_at > now() - ?3 * interval '1 second'""")
                .setParameter(1, key(username)).setParameter(2, network(address))
                .setParameter(3, config.login().trustPeriod().toSeconds()).getResultList().isEmpty();
    }

    /**
     * One statement counts the failure: a lock in force keeps its count, an expired lock or an old window
     * starts a new count. Concurrent failures on several instances queue on the row, so none is lost.
     */
    private void count(String scope, String subject, int max) {
        Number failures = (Number) em.createNativeQuery("""
                insert into sign_in_failures as f (scope, subject, window_start, failures) values (?1, ?2, now(), 1)
                on conflict (scope, subject) do update set
                  failures = case when f.locked_until > now() then f.failures
                                  when f.locked_until is not null or f.window_start <= now() - ?3 * interval '1 second' then 1
                                  else f.failures + 1 end,
                  window_start = case when f.locked_until > now() then f.window_start
                                      when f.locked_until is not null or f.window_start <= now() - ?3 * interval '1 second' then now()
                                      else f.window_start end,
                  locked_until = case when f.locked_until > now() then f.locked_until end
                returning failures""")
                .setParameter(1, scope).setParameter(2, subject).setParameter(3, config.login().window().toSeconds())
                .getSingleResult();
        if (failures.intValue() >= max && em.createNativeQuery("""
                update sign_in_failures set locked_until = now() + ?3 * interval '1 second'
                where scope = ?1 and subject = ?2 and locked_until is null""")
                .setParameter(1, scope).setParameter(2, subject).setParameter(3, config.login().lockout().toSeconds())
                .executeUpdate() > 0) {
            Counter.builder("loopwise.login.lockouts").description("Accounts and addresses locked after too many failed sign-ins")
                    .register(metrics).increment();
        }
    }

    /**
     * What one client is, as far as counting goes: an IPv4 address (also when written as IPv6), or an IPv6 address's /64
     * network — every home line and cloud host gets a whole /64, so one person counted address by address would never
     * meet the limit. Parsed as a literal only, never looked up.
     */
    static String network(String address) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address.strip());
        if (bytes == null) {
            return address.length() > 256 ? address.substring(0, 256) : address;
        }
        boolean mapped = bytes.length == 16 && Arrays.equals(bytes, 0, 10, new byte[10], 0, 10)
                && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
        if (bytes.length == 4 || mapped) {
            int at = bytes.length - 4;
            return (bytes[at] & 0xff) + "." + (bytes[at + 1] & 0xff) + "." + (bytes[at + 2] & 0xff) + "." + (bytes[at + 3] & 0xff);
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString((bytes[i] & 0xff) << 8 | bytes[i + 1] & 0xff)).append(':');
        }
        return prefix.append(":/64").toString();
    }

    static String key(String username) {
        String key = username.trim().toLowerCase(Locale.ROOT);
        return key.length() > 256 ? key.substring(0, 256) : key;
    }
}
