package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two admins editing one intent's reply library at the same moment: each save sees the one before it. */
@QuarkusTest
class ConcurrentRepliesTest {
    private static final int TOGETHER = 6;
    @Inject
    WorkspaceService workspace;
    private final String tag = "replies" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void cleanUp() {
        QuarkusTransaction.requiringNew().run(() -> {
            Reply.delete("intent.name like ?1", "%" + tag + "%");
            Intent.delete("name like ?1", "%" + tag + "%");
        });
    }

    @Test
    void oneReplyAddedTwiceAtOnceIsAddedOnceAndTheOthersAreToldItExists() throws Exception {
        for (int round = 0; round < 4; round++) {
            String name = intent(round);
            String text = "Your parcel is on its way " + round + ".";
            List<Callable<String>> saves = new ArrayList<>();
            for (int i = 0; i < TOGETHER; i++) {
                saves.add(() -> outcome(() -> workspace.saveReply(null, name, text)));
            }
            List<String> said = together(saves);
            assertEquals(1, said.stream().filter("done"::equals).count(), "round " + round + ": " + said);
            assertEquals(TOGETHER - 1, said.stream().filter("reply_exists"::equals).count(), "round " + round + ": " + said);
            assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Reply.count("intent.name = ?1 and status = ?2", name, Reply.ACTIVE)));
        }
    }

    @Test
    void aReplyEditedWhileItIsRetiredStaysRetired() throws Exception {
        for (int round = 0; round < 10; round++) {
            String name = intent(100 + round);
            long id = workspace.saveReply(null, name, "We refund within 5 days.").id;
            List<String> said = together(List.<Callable<String>>of(() -> outcome(() -> workspace.saveReply(id, name, "We refund within 3 days.")),
                    () -> outcome(() -> {
                        workspace.retireReply(id);
                        return null;
                    })));
            assertEquals("done", said.get(1), "round " + round + ": " + said);
            assertTrue(said.get(0).equals("done") || said.get(0).equals("reply_retired"), "round " + round + ": " + said);
            assertEquals(Reply.RETIRED, QuarkusTransaction.requiringNew().call(() -> Reply.<Reply>findById(id).status), "round " + round);
        }
    }

    private String intent(int round) {
        String name = "parcel_" + round + "_" + tag;
        QuarkusTransaction.requiringNew().run(() -> {
            Intent intent = new Intent();
            intent.name = name;
            intent.description = "where a parcel is";
            intent.persist();
        });
        return name;
    }

    private static String outcome(Callable<?> work) {
        try {
            work.call();
            return "done";
        } catch (ApiException e) {
            return e.code;
        } catch (Exception e) {
            return "failed: " + e;
        }
    }

    private static List<String> together(List<Callable<String>> works) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(works.size());
        ExecutorService pool = Executors.newFixedThreadPool(works.size());
        try {
            List<Future<String>> sent = new ArrayList<>();
            for (Callable<String> work : works) {
                sent.add(pool.submit(() -> {
                    barrier.await();
                    return work.call();
                }));
            }
            List<String> said = new ArrayList<>();
            for (Future<String> answer : sent) {
                said.add(answer.get(60, TimeUnit.SECONDS));
            }
            return said;
        } finally {
            pool.shutdownNow();
        }
    }
}
