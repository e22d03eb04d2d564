package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.AtOnce;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
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
                saves.add(() -> AtOnce.outcome(() -> workspace.saveReply(null, name, text)));
            }
            List<String> said = AtOnce.run(saves);
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
            List<String> said = AtOnce.run(List.<Callable<String>>of(() -> AtOnce.outcome(() -> workspace.saveReply(id, name, "We refund within 3 days.")),
                    () -> AtOnce.outcome(() -> {
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
}
