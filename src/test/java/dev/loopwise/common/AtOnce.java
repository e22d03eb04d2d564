package dev.loopwise.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Works started at the same moment, each on its own thread, for the tests of what two requests do to each other: a
 * barrier releases them together, so each check-then-write overlaps the others' as closely as threads allow.
 */
public final class AtOnce {
    private AtOnce() {
    }

    /** Each work's answer, in the order given. */
    public static <T> List<T> run(List<? extends Callable<T>> works) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(works.size());
        ExecutorService pool = Executors.newFixedThreadPool(works.size());
        try {
            List<Future<T>> started = new ArrayList<>();
            for (Callable<T> work : works) {
                started.add(pool.submit(() -> {
                    barrier.await();
                    return work.call();
                }));
            }
            List<T> answers = new ArrayList<>();
            for (Future<T> answer : started) {
                answers.add(answer.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @SafeVarargs
    public static <T> List<T> run(Callable<T>... works) throws Exception {
        return run(List.of(works));
    }

    /** The same work {@code times} times at once. */
    public static <T> List<T> times(int times, Callable<T> work) throws Exception {
        return run(Collections.nCopies(times, work));
    }

    /** "done", the code of the error the caller would be answered with, or "failed: …" for anything else. */
    public static String outcome(Callable<?> work) {
        try {
            work.call();
            return "done";
        } catch (ApiException e) {
            return e.code;
        } catch (Exception e) {
            return "failed: " + e;
        }
    }
}
