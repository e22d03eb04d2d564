package dev.loopwise.review;

import dev.loopwise.common.CommandLineMessages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How bench-review ends, by itself or by Ctrl-C: the reviewers stop first, so that they no longer load the server the
 * accounts are disabled on, then the accounts made are disabled, once, by whichever comes first.
 */
final class BenchStopping {
    // How long stopping waits for an account under way before disabling the ones listed.
    private static final Duration LOCK_WAIT = Duration.ofSeconds(5);
    // Reviewers interrupted in a request end at once; this only bounds one stuck elsewhere.
    private static final Duration REVIEWERS_WAIT = Duration.ofSeconds(2);

    /** The run's account ids, in the order of their names' numbers. */
    final List<Long> accounts = new CopyOnWriteArrayList<>();
    /** Held while an account is made: an account under way at Ctrl-C is listed before stopping looks. */
    final ReentrantLock making = new ReentrantLock();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private final String url;
    private final String adminKey;
    private final String run;
    private volatile ExecutorService reviewers;

    BenchStopping(String url, String adminKey, String run) {
        this.url = url;
        this.adminKey = adminKey;
        this.run = run;
    }

    boolean stopped() {
        return stopped.get();
    }

    /** The reviewers at work now, for Ctrl-C to stop. */
    void working(ExecutorService pool) {
        reviewers = pool;
        // Ctrl-C may have looked for reviewers just before these started.
        if (stopped.get()) {
            pool.shutdownNow();
        }
    }

    /** Ctrl-C skips the command's finally: without this the accounts made so far would stay enabled, their keys unlimited. */
    Thread hook() {
        return new Thread(() -> {
            if (stopped.compareAndSet(false, true)) {
                stopReviewers();
                disableAll();
            } else {
                // The command's own disabling is under way: the process must not end before it has been sent.
                try {
                    done.await(LOCK_WAIT.plus(BenchAccounts.DEADLINE).toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    /** The command's own end; false when some accounts are left enabled. */
    boolean finish() {
        try {
            return !stopped.compareAndSet(false, true) || disableAll();
        } finally {
            done.countDown();
        }
    }

    private void stopReviewers() {
        ExecutorService pool = reviewers;
        if (pool == null) {
            return;
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(REVIEWERS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits a little for an account under way, whose request the server may already have carried out, then disables
     * them all. A server that hangs on that account would otherwise hold the process: past the wait the accounts listed
     * so far go, and the message names that one too.
     */
    private boolean disableAll() {
        boolean locked = false;
        try {
            locked = making.tryLock(LOCK_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
        try {
            List<Long> ids = List.copyOf(accounts);
            if (ids.isEmpty() && locked) {
                return true;
            }
            BenchAccounts.Outcome outcome = new BenchAccounts(url, adminKey).disable(ids, BenchAccounts.DEADLINE, BenchAccounts.REQUEST_TIMEOUT);
            List<Integer> left = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (outcome.left().contains(ids.get(i))) {
                    left.add(i);
                }
            }
            if (!locked) {
                left.add(ids.size());
            }
            String reason = outcome.reason() != null ? outcome.reason() : CommandLineMessages.benchAccountUnderWay(url);
            System.err.println(CommandLineMessages.benchAccountsLeft(outcome.disabled(), left, run, reason));
            return left.isEmpty();
        } finally {
            if (locked) {
                making.unlock();
            }
        }
    }
}
