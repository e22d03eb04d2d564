package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.registry.version.ModelBundle;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A round whose comparisons each set a reply against itself (case and spacing aside) has nothing to learn: it fails
 * before anything is encoded, with a sentence the Rounds page shows, instead of DJL's "Gradient values are all zeros".
 */
@QuarkusTest
class RoundLearnsNothingTest {
    private static final String REPLY = "Your parcel is on its way and arrives within two days.";

    @Inject
    RoundRequests.Defaults defaults;
    @Inject
    RoundService rounds;
    private Long made;

    @AfterEach
    void removeTheRound() {
        if (made != null) {
            QuarkusTransaction.requiringNew().run(() -> AlignmentRound.deleteById(made));
        }
    }

    /** Thrown by the encoder: a round that gets as far as encoding passed the check. */
    private static final class Encoded extends RuntimeException {
    }

    @Test
    void aRoundOfRepliesSetAgainstThemselvesFailsWithASentenceThePageShows() {
        int version = ActiveModel.await();
        ModelBundle active = QuarkusTransaction.requiringNew().call(() -> ModelVersion.findByVersion(version).orElseThrow().bundle());
        RoundSettings settings = defaults.settings();
        List<PreferencePair> alike = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String other = i % 3 == 0 ? REPLY.toUpperCase(Locale.ROOT) : i % 3 == 1 ? "  " + REPLY.replace(" ", "\n ") : REPLY;
            PreferencePair.Kind kind = i % 2 == 0 ? PreferencePair.Kind.PREFERENCE : PreferencePair.Kind.TIE;
            alike.add(new PreferencePair("where is parcel " + i, REPLY, other, kind, 0, 1, "ticket " + i, 0));
        }
        Function<List<String>, float[][]> encoder = texts -> {
            throw new Encoded();
        };

        long id = runningRound(settings);
        made = id;
        RoundData data = new RoundData(active, active.policy(), alike, List.of(), List.of(), List.of());
        rounds.execute(id, () -> AlignmentEngine.run(settings, data, encoder, (message, progress) -> { }));
        AlignmentRound failed = QuarkusTransaction.requiringNew().call(() -> AlignmentRound.<AlignmentRound>findById(id));
        assertEquals(AlignmentRound.FAILED, failed.status);
        long trains = alike.stream().filter(p -> !AlignmentEngine.isHeldOut(p.group(), settings)).count();
        assertEquals(LifecycleMessages.roundLearnsNothing((int) trains), failed.reason);
        assertTrue(failed.reason.startsWith("Nothing to learn from: each of the " + trains + " comparisons this round trains on sets a"
                + " reply against itself (the same words, case and spacing aside)"), failed.reason);
        // The Rounds page says it where the outcome is read, not only in the log.
        String page = Caller.session("admin").pageRequest().accept("text/html").get("/admin/rounds/" + id).then().statusCode(200)
                .extract().asString();
        String outcome = page.substring(page.indexOf("id=\"round-outcome\""));
        assertTrue(outcome.substring(0, outcome.indexOf("</p>")).contains("nothing changed for customers. " + failed.reason), page);

        // One comparison of two different replies is enough to learn from; so is a "both bad" one, which pushes each down.
        int trained = IntStream.range(0, alike.size())
                .filter(i -> !AlignmentEngine.isHeldOut(alike.get(i).group(), settings)).findFirst().orElseThrow();
        PreferencePair at = alike.get(trained);
        for (PreferencePair teaching : List.of(
                new PreferencePair(at.prompt(), REPLY, "We cannot say where it is.", PreferencePair.Kind.PREFERENCE, 0, 1, at.group(), 0),
                new PreferencePair(at.prompt(), REPLY, REPLY, PreferencePair.Kind.BOTH_BAD, 0, 1, at.group(), 0))) {
            List<PreferencePair> mixed = new ArrayList<>(alike);
            mixed.set(trained, teaching);
            RoundData learnable = new RoundData(active, active.policy(), mixed, List.of(), List.of(), List.of());
            assertThrows(Encoded.class, () -> AlignmentEngine.run(settings, learnable, encoder, (message, progress) -> { }),
                    teaching.kind() + " passes the check");
        }
    }

    private static long runningRound(RoundSettings settings) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AlignmentRound round = new AlignmentRound();
            round.method = settings.method();
            round.settings = RoundRequests.describe(settings);
            round.status = AlignmentRound.RUNNING;
            round.startedBy = "test";
            round.step = "Taking a snapshot of the judgements";
            round.persist();
            return round.id;
        });
    }
}
