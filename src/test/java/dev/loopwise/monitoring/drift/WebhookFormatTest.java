package dev.loopwise.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Teams' Workflows post only an Adaptive Card sent in {@code attachments}; Slack and other receivers read {@code text} and the
 * fields after it. Each address gets a body its receiver shows.
 */
class WebhookFormatTest {
    private static final String MESSAGE = "Customers write about something new.";

    @Test
    void autoTellsATeamsWorkflowFromAnyOtherReceiverByItsHost() {
        for (String teams : List.of("https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=x",
                "https://default1234.56.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/abc/triggers/manual",
                "https://PROD-01.WESTUS.LOGIC.AZURE.COM/workflows/abc")) {
            assertEquals(WebhookFormat.TEAMS, WebhookFormat.AUTO.at(URI.create(teams)), teams);
        }
        for (String other : List.of("https://hooks.slack.com/services/T0/B0/x", "https://alerts.example.com/in",
                "https://contoso.webhook.office.com/webhookb2/abc", "https://logic.azure.com.example.org/x", "http://10.0.0.5:9000/")) {
            assertEquals(WebhookFormat.JSON, WebhookFormat.AUTO.at(URI.create(other)), other);
        }
        URI slack = URI.create("https://hooks.slack.com/services/T0/B0/x");
        assertEquals(WebhookFormat.TEAMS, WebhookFormat.TEAMS.at(slack), "a format set by hand is kept, whatever the address");
        assertEquals(WebhookFormat.JSON, WebhookFormat.JSON.at(URI.create("https://prod-1.westus.logic.azure.com/workflows/a")));
    }

    @Test
    void teamsGetsTheAlertAsAnAdaptiveCardBesideTheFieldsOtherReceiversRead() throws Exception {
        JsonNode body = body(WebhookFormat.TEAMS);

        assertEquals("message", body.path("type").asText());
        assertEquals(1, body.path("attachments").size());
        JsonNode attachment = body.path("attachments").get(0);
        assertEquals("application/vnd.microsoft.card.adaptive", attachment.path("contentType").asText());
        JsonNode card = attachment.path("content");
        assertEquals("AdaptiveCard", card.path("type").asText());
        assertEquals("1.4", card.path("version").asText());
        JsonNode blocks = card.path("body");
        assertEquals("Loopwise drift alert on model v7", blocks.get(0).path("text").asText());
        assertEquals(MESSAGE, blocks.get(1).path("text").asText());
        JsonNode facts = blocks.get(2).path("facts");
        assertEquals("FactSet", blocks.get(2).path("type").asText());
        assertEquals("Requests checked", facts.get(0).path("title").asText());
        assertEquals("200", facts.get(0).path("value").asText());
        assertEquals("5 Dec 2026, 23:10 UTC – 6 Dec 2026, 00:40 UTC", facts.get(1).path("value").asText());
        assertEquals("Open Drift in Loopwise for the evidence and what to do next.", blocks.get(3).path("text").asText());
        for (JsonNode block : blocks) {
            assertTrue(!block.path("type").asText().equals("TextBlock") || block.path("wrap").asBoolean(), "long alerts wrap: " + block);
        }
        assertEquals(41, body.path("alertId").asLong(), "the fields a flow or another receiver reads are still there");
        assertEquals("input/mmd", body.path("alert").path("signal").asText());
        assertTrue(body.path("text").asText().startsWith("Loopwise drift alert on model v7: " + MESSAGE));
    }

    @Test
    void plainJsonHasNoCardForSlackToMistakeForItsOwnAttachments() throws Exception {
        JsonNode body = body(WebhookFormat.JSON);

        assertFalse(body.has("attachments"), "Slack reads 'attachments' as its own, and would show an empty one");
        assertFalse(body.has("type"));
        assertEquals("Loopwise drift alert on model v7: " + MESSAGE + " Open Drift in Loopwise for the evidence and what to do next.",
                body.path("text").asText());
        assertEquals(List.of("text", "alertId", "windowFrom", "windowTo", "requests", "alert", "modelVersion"),
                iterable(body.fieldNames()));
    }

    @Test
    void theSettingTakesItsThreeWordsInAnyCaseAndSaysWhatItTakes() {
        WebhookFormat.Setting setting = new WebhookFormat.Setting();
        assertEquals(WebhookFormat.TEAMS, setting.convert(" Teams "));
        assertEquals(WebhookFormat.AUTO, setting.convert("auto"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> setting.convert("slack"));
        assertEquals("auto, json or teams is expected: teams for a Microsoft Teams workflow, json for Slack and other receivers,"
                + " auto to tell them apart by the address", refused.getMessage());
    }

    private static JsonNode body(WebhookFormat format) throws Exception {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("windowFrom", "2026-12-05T23:10:04.120Z");
        payload.put("windowTo", "2026-12-06T00:40:59Z");
        payload.put("requests", 200);
        payload.put("alert", Map.of("signal", "input/mmd"));
        payload.put("modelVersion", 7);
        return new ObjectMapper().readTree(DriftStore.json(format.body(41, 7, MESSAGE, payload)));
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
