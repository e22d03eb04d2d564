package dev.loopwise.alignment.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.file.Place;
import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.registry.training.WorkspaceSnapshot;
import dev.loopwise.ticket.TicketRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The simulated library varies in exactly the property each preference kind tests, deterministically. */
class ReplyVariantsTest {
    private static final String BITEXT_LIKE = "I understand that you want to cancel order {{Order Number}}. Please log in to your account. "
            + "Then open Orders and choose Cancel. If you need more help, we're here for you!";

    @Test
    void variantsOfOneReplyDifferOnlyInTheProperty() {
        Random random = new Random(1);
        String[] concise = ReplyVariants.variants(PreferenceKind.CONCISE, BITEXT_LIKE, random);
        assertTrue(BITEXT_LIKE.startsWith(concise[0]) && concise[0].length() < concise[1].length(), concise[0]);
        String[] claims = ReplyVariants.variants(PreferenceKind.NO_FALSE_ACTION, BITEXT_LIKE, random);
        assertEquals(BITEXT_LIKE, claims[0]);
        assertTrue(!ReplyText.claimsAction(claims[0]) && ReplyText.claimsAction(claims[1]), claims[1]);
        assertTrue(claims[1].startsWith("I understand that you want to cancel order {{Order Number}}. "), "the claim comes second");
        String[] signOff = ReplyVariants.variants(PreferenceKind.SIGN_OFF, BITEXT_LIKE, random);
        assertEquals(BITEXT_LIKE + "\n\n" + ReplyText.SIGN_OFF, signOff[0]);
        assertEquals(BITEXT_LIKE, signOff[1]);
        assertNull(ReplyVariants.variants(PreferenceKind.CONCISE, "One sentence only.", random), "nothing to trim");
        for (String claim : ReplyVariants.CLAIMS) {
            assertTrue(ReplyText.claimsAction(claim), claim);
        }
    }

    @Test
    void everyIntentOfTheDemoGetsBothSidesOfEachProperty() {
        List<TicketRow> train = demoTrain();
        for (PreferenceKind kind : List.of(PreferenceKind.CONCISE, PreferenceKind.NO_FALSE_ACTION, PreferenceKind.SIGN_OFF)) {
            List<WorkspaceSnapshot.ReplyInfo> library = ReplyVariants.library(train, 4, kind, new Random(42));
            double[] quality = kind.qualities(library, 42);
            Map<String, List<Integer>> byIntent = new TreeMap<>();
            for (int a = 0; a < library.size(); a++) {
                byIntent.computeIfAbsent(library.get(a).intent(), k -> new ArrayList<>()).add(a);
            }
            assertEquals(18, byIntent.size(), kind + ": every answerable demo intent");
            byIntent.forEach((intent, replies) -> {
                assertEquals(4, replies.size(), kind + " " + intent);
                assertEquals(4, replies.stream().map(a -> library.get(a).text()).distinct().count(), kind + " " + intent + ": distinct");
                double min = replies.stream().mapToDouble(a -> quality[a]).min().orElseThrow();
                double max = replies.stream().mapToDouble(a -> quality[a]).max().orElseThrow();
                // Concise: demo replies of one intent are often one template, so two full variants may tie as longest (q = 1/3).
                assertTrue(max == 1 && min < 0.5 && (kind == PreferenceKind.CONCISE || min == 0), kind + " " + intent
                        + ": both a good and a bad reply");
                if (kind.passFail()) {
                    assertEquals(2, replies.stream().filter(a -> quality[a] == 1).count(), kind + " " + intent + ": two good, two bad");
                }
            });
            assertEquals(library, ReplyVariants.library(train, 4, kind, new Random(42)), kind + ": the same seed, the same library");
        }
    }

    @Test
    void anOddLibrarySizeAndTheVoiceLibraryStayAsConfigured() {
        List<TicketRow> train = demoTrain();
        List<WorkspaceSnapshot.ReplyInfo> odd = ReplyVariants.library(train, 3, PreferenceKind.SIGN_OFF, new Random(5));
        Map<String, Long> perIntent = odd.stream().collect(Collectors.groupingBy(WorkspaceSnapshot.ReplyInfo::intent, Collectors.counting()));
        assertTrue(perIntent.values().stream().allMatch(n -> n == 3), perIntent.toString());
        assertEquals(Simulator.library(train, 4, new Random(9)), ReplyVariants.library(train, 4, PreferenceKind.VOICE, new Random(9)));
        assertNotNull(odd.get(0).text());
    }

    static List<TicketRow> demoTrain() {
        List<TicketRow> train = new ArrayList<>();
        for (CSVRecord row : DemoWorkspace.read("tickets.csv")) {
            String response = row.get("response").isBlank() ? null : row.get("response");
            train.add(new TicketRow(Place.line(0), row.get("text"), row.get("label"), response, null, Map.of()));
        }
        return train;
    }
}
