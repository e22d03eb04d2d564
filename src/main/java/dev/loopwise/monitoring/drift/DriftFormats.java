package dev.loopwise.monitoring.drift;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loopwise.common.DriftChartMessages;
import dev.loopwise.common.text.Counts;
import dev.loopwise.common.text.TemplateFormats;
import dev.loopwise.ticket.Reply;
import dev.loopwise.ticket.Ticket;
import io.quarkus.arc.Arc;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** How the drift dashboard reads: times like every other page, alerts of one check together, and what to do next. */
@TemplateExtension(namespace = "drift")
public class DriftFormats {

    /** How many tickets a replay may have and still be sent while the admin waits, in the page's words. */
    static String replayInRequest() {
        return String.format(Locale.ROOT, "%,d", Arc.container().instance(MonitoringConfig.class).get()
                .replayInRequest());
    }

    /** Why signed alerts go nowhere, or null while the webhook settings agree. */
    static String webhookWarning() {
        return WebhookNotifier.unusedSecret(Arc.container().instance(MonitoringConfig.class).get()).orElse(null);
    }

    /**
     * The demo's traffic is offered for replay only in a workspace made from the demo: elsewhere it asks about another
     * shop. Told by the demo's library replies: a small table, where the tickets' would be counted on every page view.
     */
    static boolean demoWorkspace() {
        return Reply.count("source", Ticket.SOURCE_DEMO) > 0;
    }

    /** All alerts one check raised: the signals together, the unfamiliar examples once. */
    public record AlertGroup(RawString when, String version, List<String> signals, List<String> messages, List<String> examples,
                             String webhook) {
        /** What each alert means, in words; the figures and codes stay in a fold. */
        public List<String> titles() {
            return signals.stream().map(DriftFormats::alertTitle).toList();
        }
    }

    private static final Map<String, String> ALERT_TITLES = Map.of(
            "input_drift", "New requests read differently from the tickets the version learned from",
            "new_topic", "Customers ask about something the version never learned, more often than chance explains",
            "intent_mix", "The mix of intents customers ask about shifted",
            "confidence", "The version is less sure of its intents than before",
            "oos_rate", "More requests are handed to a person",
            "thumbs_down", "More answers are rated down by customers",
            "reviewer_preference", "Reviewers prefer another reply more often");

    static String alertTitle(String kind) {
        return ALERT_TITLES.getOrDefault(kind, kind);
    }

    /** A time in the alerts' and actions' first column, kept whole as in every other table. */
    static RawString when(JsonNode time) {
        if (time == null || time.isNull() || time.asText().isBlank()) {
            return new RawString("—");
        }
        try {
            return TemplateFormats.stamp(OffsetDateTime.parse(time.asText()));
        } catch (RuntimeException e) {
            return new RawString(time.asText().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
        }
    }

    /** What an automatic action did, in words (the API keeps the codes). */
    static String actionName(JsonNode action) {
        return switch (action.path("action").asText()) {
            case "review_items" -> "review items made from unfamiliar requests";
            case "round_started" -> "round started";
            case "round_requested" -> action.path("status").asText().equals("waiting") ? "round planned, after reviews" : "round proposed";
            default -> action.path("action").asText();
        };
    }

    /** The round an action started, or null while it has none (JSON null must not read as the round "null"). */
    static String roundId(JsonNode action) {
        JsonNode id = action.path("roundId");
        return id.isNumber() || id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
    }

    /** An action's status in words. */
    static String status(JsonNode action) {
        return switch (action.path("status").asText()) {
            case "waiting" -> "waiting for reviewers' judgements";
            case "pending" -> "waiting for your approval";
            case "approved" -> "round started";
            case "dismissed" -> "dismissed";
            default -> "done";
        };
    }

    static boolean hasChecks(DriftOverview.Overview overview) {
        return overview.series() != null && overview.series().size() > 0;
    }

    static String webhook(JsonNode status) {
        if (status == null || status.isNull() || status.asText().isBlank()) {
            return "not sent (no webhook set)";
        }
        return status.asText();
    }

    static List<AlertGroup> groups(JsonNode alerts) {
        Map<String, List<JsonNode>> byCheck = new LinkedHashMap<>();
        alerts.forEach(alert -> byCheck.computeIfAbsent(alert.path("reportId").asText(alert.path("id").asText()), k -> new ArrayList<>())
                .add(alert));
        List<AlertGroup> groups = new ArrayList<>();
        byCheck.values().forEach(members -> {
            JsonNode first = members.get(0);
            Set<String> examples = new LinkedHashSet<>();
            members.forEach(alert -> alert.path("evidence").path("newTopics").forEach(topic -> topic.path("examples")
                    .forEach(example -> examples.add(example.asText()))));
            groups.add(new AlertGroup(when(first.get("createdAt")), "v" + first.path("modelVersion").asText(),
                    members.stream().map(a -> a.path("signal").asText()).toList(),
                    members.stream().map(a -> a.path("message").asText()).toList(),
                    examples.stream().limit(6).toList(), webhook(first.get("webhookStatus"))));
        });
        return groups;
    }

    /** The one thing to do now, from the pending actions and the newest check. */
    static String nextStep(DriftOverview.Overview overview) {
        long pending = 0;
        long waiting = 0;
        for (JsonNode action : overview.actions()) {
            pending += "pending".equals(action.path("status").asText()) ? 1 : 0;
            waiting += "waiting".equals(action.path("status").asText()) ? 1 : 0;
        }
        if (!hasChecks(overview)) {
            return "Nothing to do yet: the first check runs once customers have sent " + overview.thresholds().get("window")
                    + " requests to the active version, then one every " + overview.thresholds().get("stride") + " requests; a change"
                    + " becomes an alert when " + overview.thresholds().get("confirmations") + " checks in a row see it. Replay"
                    + " traffic below to see how it works.";
        }
        // The alerts offer to make an intent only from the unfamiliar examples a check found; without any, no single new
        // topic stood out and the change is spread over what customers already ask: the first words must not say otherwise.
        boolean examples = groups(overview.alerts()).stream().anyMatch(g -> !g.examples().isEmpty());
        JsonNode newest = overview.latest();
        boolean calmNow = newest != null && !newest.isNull() && newest.path("raised").size() == 0;
        // An earlier alert's action still open beside calm checks (a replay of the usual traffic): say which is which.
        String lead = calmNow && pending + waiting > 0 ? "The latest checks are calm, but an earlier alert is still open."
                : examples ? "Customers are asking about something new." : "What customers write has changed, though no new topic"
                + " stood out: often the same questions written another way (greetings, signatures, another channel or language)."
                + " Paste a few recent requests into Try a ticket (on Models); if the answers still fit, nothing needs changing and a"
                + " proposed round may be dismissed.";
        if (pending > 0) {
            // A round is proposed only once reviewers have judged enough: "once they have judged them" would send the lead to
            // wait for work that is done, beside the proposal saying so.
            return lead + " " + PROPOSED_ROUND_READY + " If the new requests are a new topic, "
                    + (examples ? "make them an intent under Alerts below" : "add an intent for it with a few examples on Intents")
                    + ", write a reply for it on Replies, then train a new version on Models.";
        }
        if (waiting > 0) {
            return lead + " Reviewers have the least familiar requests in their queue: ask them to "
                    + "judge those on the Review page; a round is proposed here once they have. If the new requests are a new topic, "
                    + (examples ? "make them an intent under Alerts below" : "add an intent for it with a few examples on Intents")
                    + ", write a reply for it on Replies, then train a new version on Models.";
        }
        JsonNode latest = overview.latest();
        boolean raised = latest != null && !latest.isNull() && latest.path("raised").size() > 0;
        if (!raised) {
            return "Customers ask about the same things the model learned from. Nothing to do.";
        }
        boolean alerted = latest.path("confirmed").size() > 0;
        for (JsonNode alert : overview.alerts()) {
            alerted |= overview.modelVersion() != null && alert.path("modelVersion").asInt(-1) == overview.modelVersion();
        }
        if (alerted) {
            // An alert of this version is listed below: "it becomes an alert" would contradict the page.
            boolean roundStarted = false;
            for (JsonNode action : overview.actions()) {
                roundStarted |= "round_started".equals(action.path("action").asText()) || "approved".equals(action.path("status").asText());
            }
            return lead + " The newest check still sees it, as the alerts below say." + (roundStarted
                    ? " Drift started a round for it: its page on Rounds says whether the new version it made is better." : "")
                    + " If the new requests are a new topic, " + (examples ? "make them an intent under Alerts below"
                    : "add an intent for it with a few examples on Intents") + ", write a reply for it on Replies, then train a new"
                    + " version on Models.";
        }
        List<String> names = new ArrayList<>();
        latest.path("raised").forEach(kind -> names.add(alertTitle(kind.asText()).toLowerCase(Locale.ROOT)));
        return "The newest check saw a change (" + String.join("; ", names) + "); if the next check, after "
                + overview.thresholds().get("stride") + " more requests, sees it too, it becomes an alert here. Nothing to do yet.";
    }

    static final String PROPOSED_ROUND_READY = "Reviewers have judged enough requests for a round: start the proposed round"
            + " under Automatic actions below (the active version keeps answering customers unless the round's new version proves"
            + " better), or dismiss it.";

    private static final Map<String, String> SIGNAL_TITLES = Map.of(
            "input/mmd2", "How different new requests are from the tickets the version learned from",
            "input/p_value", "How likely that difference is mere chance (low: a real change)",
            "input/new_topic_requests", "Requests less familiar than 9 in 10 of the version's tickets kept aside for measuring",
            "prediction/psi", "How much the mix of intents answered has shifted",
            "prediction/mean_confidence", "How sure the version is of its intents, on average",
            "prediction/oos_rate", "Share of requests handed to a person",
            "outcome/thumbs_down_rate", "Share of answers customers rated down",
            "outcome/non_first_choice_rate", "Share of judged items where reviewers preferred another reply");

    /** A chart's title in words; the signal's code stays beside it for those who know it. */
    static String signalTitle(String signal) {
        return SIGNAL_TITLES.getOrDefault(signal, signal);
    }

    /**
     * A chart's title, saying what a count is counted in: "21" unfamiliar requests means little until it reads as 21 of the
     * newest 200, of which about a tenth would be less familiar by chance alone.
     */
    static String chartTitle(String signal, DriftOverview.Overview overview) {
        if (!"input/new_topic_requests".equals(signal)) {
            return signalTitle(signal);
        }
        int[] read = ChartNotes.windows(overview);
        return DriftChartMessages.newTopicChartTitle(read[0], read[1]);
    }

    static String checksText(DriftOverview.Overview overview) {
        return Counts.of(overview.series().size(), "check") + " of this version so far";
    }
}
