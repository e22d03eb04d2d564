package dev.loopwise.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.registry.training.ModelTrainer;
import dev.loopwise.security.user.User;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.Reply;
import dev.loopwise.ticket.Ticket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The demo store is big enough to demonstrate the loop, and loading it again changes nothing. */
@QuarkusTest
class DemoWorkspaceTest {
    @Inject
    DemoWorkspace demo;

    @Test
    void theStoreHasEnoughIntentsTicketsRepliesAndTraffic() {
        QuarkusTransaction.requiringNew().run(() -> {
            var intents = Intent.<Intent>listAll();
            assertTrue(intents.stream().filter(i -> !i.name.equals(ModelTrainer.OUT_OF_SCOPE_LABEL)).count() >= 15,
                    "intents: " + intents.size());
            assertTrue(intents.stream().anyMatch(i -> i.name.equals(ModelTrainer.OUT_OF_SCOPE_LABEL)), "out-of-scope examples");
            intents.forEach(intent -> assertTrue(intent.description.length() > 20, intent.name));
            Map<Long, Long> tickets = Ticket.countsByIntent();
            Map<Long, Long> replies = Reply.countsByIntent();
            for (Intent intent : intents) {
                assertTrue(tickets.getOrDefault(intent.id, 0L) >= 15, intent.name + " tickets");
                // Out-of-scope tickets are handed to a person, never answered: that intent has no replies.
                boolean outOfScope = intent.name.equals(ModelTrainer.OUT_OF_SCOPE_LABEL);
                assertTrue(outOfScope || replies.getOrDefault(intent.id, 0L) >= 2, intent.name + " replies");
            }
            assertTrue(Reply.<Reply>listAll().stream().anyMatch(r -> r.text.contains("{{order_number}}")));
            // A served reply is sent before anyone acts: it may ask, offer or promise, never claim a done deed.
            Pattern claim = Pattern.compile(
                    "\\b(we've|we have|i've|i have) (just |already )?(cancelled|updated|sent|refunded|added|started|checked|chased|raised|processed)\\b"
                            + "|\\b(has|have) been (passed|processed|cancelled|updated|sent|refunded)\\b|\\bDone\\.|All sorted",
                    Pattern.CASE_INSENSITIVE);
            Reply.<Reply>listAll().stream().filter(r -> "demo".equals(r.source))
                    .forEach(r -> assertTrue(!claim.matcher(r.text).find(), "a demo reply claims an action nobody took: " + r.text));
            long unlabelled = Ticket.count("intent is null");
            assertTrue(unlabelled >= 200, "unlabelled tickets: " + unlabelled);
            for (String name : new String[] {"admin", "reviewer1", "reviewer2", "reviewer3"}) {
                assertTrue(User.findByUsername(name).isPresent(), name);
            }
        });
    }

    @Test
    void loadingTwiceChangesNothing() {
        long[] before = counts();
        demo.onStart(new StartupEvent());
        assertEquals(Arrays.toString(before), Arrays.toString(counts()));
    }

    private static long[] counts() {
        return QuarkusTransaction.requiringNew().call(
                () -> new long[] {Intent.count(), Ticket.count(), Reply.count(), User.count()});
    }

    @Test
    void aDemoListeningBeyondThisMachineNamesTheAccountsThatStillHaveTheirPublishedPasswords() {
        QuarkusTransaction.requiringNew().run(() -> {
            String warning = demo.reachableWithPublishedPasswords("0.0.0.0").orElseThrow();
            assertTrue(warning.startsWith("The demo listens on 0.0.0.0, beyond this machine, and admin"), warning);
            assertTrue(warning.contains("LOOPWISE_LISTEN=127.0.0.1:8080"), warning);
            for (String here : new String[] {"127.0.0.1", "localhost", "::1"}) {
                assertTrue(demo.reachableWithPublishedPasswords(here).isEmpty(), here);
            }
        });
    }
}
