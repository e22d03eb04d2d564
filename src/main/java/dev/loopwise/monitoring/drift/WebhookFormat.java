package dev.loopwise.monitoring.drift;

import dev.loopwise.common.DriftMessages;
import dev.loopwise.common.StartMessages;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * The shape of an alert's body. Slack and most receivers show a top-level {@code text}; Microsoft Teams' Workflows
 * ("when a Teams webhook request is received"), which took the place of Teams' retired incoming-webhook connectors, posts
 * only Adaptive Cards sent as {@code attachments} and fails on a body without them.
 */
public enum WebhookFormat {
    /** Teams' Workflows for their addresses, plain JSON for any other. */
    AUTO,
    /** {@code text}, then the alert's fields. */
    JSON,
    /** The plain JSON's fields, plus the alert as an Adaptive Card in {@code attachments}. */
    TEAMS;

    // Workflows' trigger addresses: Logic Apps' (the first ones) and Power Platform's (those made since).
    private static final List<String> TEAMS_HOSTS = List.of(".logic.azure.com", ".powerplatform.com", ".powerautomate.com");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** The format a delivery to this address uses: {@link #AUTO} decided by the address's host. */
    public WebhookFormat at(URI target) {
        if (this != AUTO) {
            return this;
        }
        String host = String.valueOf(target.getHost()).toLowerCase(Locale.ROOT);
        return TEAMS_HOSTS.stream().anyMatch(host::endsWith) ? TEAMS : JSON;
    }

    /** The body to POST, in a resolved format (never {@link #AUTO}). */
    Map<String, Object> body(long alertId, int version, String message, Map<String, Object> payload) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (this == TEAMS) {
            body.put("type", "message");
            body.put("attachments", List.of(Map.of("contentType", "application/vnd.microsoft.card.adaptive", "content",
                    card(version, message, payload))));
        }
        body.put("text", DriftMessages.webhookText(version, message));
        body.put("alertId", alertId);
        body.putAll(payload);
        return body;
    }

    private static Map<String, Object> card(int version, String message, Map<String, Object> payload) {
        List<Map<String, Object>> facts = new ArrayList<>();
        if (payload.get("requests") != null) {
            facts.add(Map.of("title", DriftMessages.WEBHOOK_FACT_REQUESTS, "value", String.valueOf(payload.get("requests"))));
        }
        if (payload.get("windowFrom") != null && payload.get("windowTo") != null) {
            facts.add(Map.of("title", DriftMessages.WEBHOOK_FACT_WINDOW, "value",
                    when(payload.get("windowFrom")) + " – " + when(payload.get("windowTo"))));
        }
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "TextBlock", "text", DriftMessages.webhookTitle(version), "weight", "Bolder", "size", "Medium",
                "wrap", true));
        blocks.add(Map.of("type", "TextBlock", "text", message, "wrap", true));
        if (!facts.isEmpty()) {
            blocks.add(Map.of("type", "FactSet", "facts", facts));
        }
        blocks.add(Map.of("type", "TextBlock", "text", DriftMessages.WEBHOOK_NEXT_STEP, "isSubtle", true, "wrap", true));
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        // 1.4: the newest version every Teams client (desktop, web, phone) renders.
        card.put("version", "1.4");
        card.put("body", blocks);
        return card;
    }

    private static String when(Object instant) {
        try {
            return WHEN.format(Instant.parse(String.valueOf(instant)));
        } catch (DateTimeParseException e) {
            return String.valueOf(instant);
        }
    }

    /** Reads the setting in any case, and refuses any other word with what it accepts. */
    public static final class Setting implements Converter<WebhookFormat> {
        @Override
        public WebhookFormat convert(String value) {
            try {
                return WebhookFormat.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(StartMessages.NOT_A_WEBHOOK_FORMAT);
            }
        }
    }
}
