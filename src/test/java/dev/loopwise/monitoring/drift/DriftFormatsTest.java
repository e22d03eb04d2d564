package dev.loopwise.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The drift dashboard's words: an empty dashboard says so, alerts of one check read as one, times and webhooks read plainly. */
class DriftFormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anActionWithoutARoundLinksToNone() throws Exception {
        assertEquals(null, DriftFormats.roundId(JSON.readTree("{\"roundId\":null}")), "not the round 'null'");
        assertEquals(null, DriftFormats.roundId(JSON.readTree("{}")));
        assertEquals("12", DriftFormats.roundId(JSON.readTree("{\"roundId\":12}")));
    }

    @Test
    void anEmptyDashboardSaysThereAreNoChecksYet() throws Exception {
        DriftOverview.Overview empty = new DriftOverview.Overview(3, JSON.readTree("null"), Map.of("stride", 50, "window", 200,
                "confirmations", 2), JSON.readTree("[]"), JSON.readTree("[]"), JSON.readTree("[]"));
        assertFalse(DriftFormats.hasChecks(empty));
        // The first check needs a full window; the stride paces the ones after it.
        assertTrue(DriftFormats.nextStep(empty).contains("first check runs once customers have sent 200 requests to the active version,"
                + " then one every 50 requests; a change becomes an alert when 2 checks in a row see it"), DriftFormats.nextStep(empty));
    }

    @Test
    void alertsOfOneCheckAreGroupedWithTheirExamplesOnce() throws Exception {
        JsonNode alerts = JSON.readTree("""
                [{"id":2,"reportId":7,"modelVersion":3,"createdAt":"2026-11-30T10:15:30.123+00:00","signal":"input/mmd2",
                  "message":"Requests differ","evidence":{"newTopics":[{"examples":["solar panel?","battery size"]}]},"webhookStatus":null},
                 {"id":1,"reportId":7,"modelVersion":3,"createdAt":"2026-11-30T10:15:30.100+00:00","signal":"prediction/psi",
                  "message":"Intent mix moved","evidence":{"newTopics":[{"examples":["solar panel?"]}]},"webhookStatus":"sent (200)"}]""");
        var groups = DriftFormats.groups(alerts);
        assertEquals(1, groups.size());
        assertEquals(2, groups.get(0).signals().size());
        assertEquals(2, groups.get(0).examples().size(), "each example once");
        assertEquals("<span class=\"date\">2026-11-30</span> 10:15&nbsp;UTC", groups.get(0).when().getValue());
        assertEquals("not sent (no webhook set)", groups.get(0).webhook());
    }

    @Test
    void whatChangedIsSaidInWordsNotCodes() throws Exception {
        DriftOverview.Overview raised = new DriftOverview.Overview(3, JSON.readTree("{\"raised\":[\"input_drift\",\"intent_mix\"]}"),
                Map.of("stride", 50), JSON.readTree("[{\"x\":1}]"), JSON.readTree("[]"), JSON.readTree("[]"));
        String next = DriftFormats.nextStep(raised);
        assertTrue(next.contains("new requests read differently from the tickets the version learned from; the mix of intents"
                + " customers ask about shifted") && !next.contains("input_drift"), next);
        // With an alert of this version listed below, the page does not say the change has yet to become one.
        DriftOverview.Overview alerted = new DriftOverview.Overview(3, JSON.readTree("{\"raised\":[\"input_drift\"],\"confirmed\":[]}"),
                Map.of("stride", 50), JSON.readTree("[{\"x\":1}]"), JSON.readTree("[{\"id\":4,\"modelVersion\":3,\"signal\":\"input/mmd2\"}]"),
                JSON.readTree("[{\"id\":2,\"action\":\"round_started\",\"status\":\"done\",\"roundId\":5}]"));
        String still = DriftFormats.nextStep(alerted);
        assertTrue(still.contains("The newest check still sees it, as the alerts below say. Drift started a round for it")
                && !still.contains("becomes an alert"), still);
        DriftOverview.Overview otherVersion = new DriftOverview.Overview(4, alerted.latest(), Map.of("stride", 50), alerted.series(),
                alerted.alerts(), JSON.readTree("[]"));
        assertTrue(DriftFormats.nextStep(otherVersion).contains("becomes an alert"), "an alert of another version is not this one's");
        var group = DriftFormats.groups(JSON.readTree("[{\"id\":1,\"reportId\":1,\"modelVersion\":3,\"createdAt\":null,"
                + "\"signal\":\"oos_rate\",\"message\":\"12% handed over\"}]")).get(0);
        assertEquals(List.of("More requests are handed to a person"), group.titles());
    }

    @Test
    void anOpenActionBesideCalmChecksDoesNotSayCustomersAskSomethingNew() throws Exception {
        JsonNode alerts = JSON.readTree("""
                [{"id":2,"reportId":7,"modelVersion":3,"signal":"input/mmd2","evidence":{"newTopics":[{"examples":["solar panel?"]}]}}]""");
        JsonNode waiting = JSON.readTree("[{\"id\":2,\"action\":\"review_items\",\"status\":\"waiting\"}]");
        DriftOverview.Overview calm = new DriftOverview.Overview(3, JSON.readTree("{\"raised\":[]}"), Map.of("stride", 50),
                JSON.readTree("[{\"x\":1}]"), alerts, waiting);
        String next = DriftFormats.nextStep(calm);
        assertTrue(next.startsWith("The latest checks are calm, but an earlier alert is still open.") && !next.contains("something new"), next);
        DriftOverview.Overview stillRaised = new DriftOverview.Overview(3, JSON.readTree("{\"raised\":[\"input_drift\"]}"),
                Map.of("stride", 50), calm.series(), alerts, waiting);
        assertTrue(DriftFormats.nextStep(stillRaised).startsWith("Customers are asking about something new."), DriftFormats.nextStep(stillRaised));
    }
    @Test
    void aProposedRoundIsReadyToStartNotAwaitingJudgementsAlreadyGiven() throws Exception {
        // Drift proposes its round only once reviewers have judged enough of the queued requests ("Reviewers have judged
        // enough new items for it", its reason says): the next step must not send the lead to wait for those judgements.
        DriftOverview.Overview proposed = new DriftOverview.Overview(1, JSON.readTree("{\"raised\":[\"input_drift\"]}"),
                Map.of("stride", 50), JSON.readTree("[{\"x\":1}]"),
                JSON.readTree("[{\"id\":4,\"modelVersion\":1,\"signal\":\"input/mmd2\",\"evidence\":{\"newTopics\":[{\"examples\":[\"is flight dl123 on time\"]}]}}]"),
                JSON.readTree("[{\"id\":2,\"action\":\"round_requested\",\"status\":\"pending\"},"
                        + "{\"id\":1,\"action\":\"review_items\",\"status\":\"done\",\"items\":30}]"));
        String next = DriftFormats.nextStep(proposed);
        assertTrue(next.contains(DriftFormats.PROPOSED_ROUND_READY), next);
        assertFalse(next.contains("once they have judged"), next);
        // With examples found, the intent is made from them under Alerts, as the page offers there.
        assertTrue(next.contains("make them an intent under Alerts below"), next);
    }
}
