package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.common.AtOnce;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A new topic labelled several times at once (a double click, two leads): one intent, each example stored once. */
@QuarkusTest
class TopicLabellingRaceTest {
    @Inject
    TopicLabelling topics;
    private final String tag = "race" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void cleanUp() {
        ScratchIntents.deleteTagged(tag);
    }

    @Test
    void theSameTopicSentAtOnceMakesOneIntentAndStoresEachExampleOnce() throws Exception {
        String name = "topic_" + tag;
        List<String> examples = List.of("is the night market open " + tag, "night market parking " + tag);
        List<String> said = AtOnce.times(8, () -> AtOnce.outcome(() -> topics.label(name, "Night market questions", examples)));
        assertEquals(Collections.nCopies(8, "done"), said, "every sender is told the topic is labelled");
        assertEquals(1L, count(() -> Intent.count("name", name)));
        for (String text : examples) {
            assertEquals(1L, count(() -> Ticket.count("text", text)), text);
        }

        // The intent exists now: more examples sent at once join it, each stored once.
        List<String> more = List.of("night market tickets " + tag, "night market dogs " + tag);
        said = AtOnce.times(8, () -> AtOnce.outcome(() -> topics.label(name, "Night market questions", more)));
        assertEquals(Collections.nCopies(8, "done"), said);
        for (String text : more) {
            assertEquals(1L, count(() -> Ticket.count("text = ?1 and intent.name = ?2", text, name)), text);
        }
    }

    private static long count(Callable<Long> query) throws Exception {
        return QuarkusTransaction.requiringNew().call(query);
    }
}
