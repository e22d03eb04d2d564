package dev.loopwise.llm;

import dev.loopwise.common.LlmMessages;
import io.quarkus.qute.TemplateExtension;

/** How the LLM page reads: its state in a sentence and what to do next. */
@TemplateExtension
public class LlmFormats {

    static String state(LlmPage.View view) {
        if (!view.settings().active()) {
            return view.settings().enabled() ? "turned on but incomplete: every answer comes from the reply library"
                    : "not connected: every answer comes from the reply library";
        }
        return switch (view.circuit()) {
            case "open" -> "failing: answers come from the reply library until it recovers (Loopwise tries again every little while)";
            case "half-open" -> "recovering: one request is checking whether it answers again";
            // Closed says only that calls have not been failing; what the last day's answers did says whether it works.
            default -> view.day().answered() == 0
                    ? "turned on, not used yet: no customer ticket has asked it so far (Try a ticket, on Models, shows what it"
                            + " would add; Test connection checks that it answers)"
                    : view.day().fellBack() == view.day().answered()
                    ? "turned on but not answering: every answer in the last 24 hours came from the reply library; press Test"
                            + " connection to see why"
                    : "connected: it drafts replies, and the best of drafts and library replies is served";
        };
    }

    /** What to check after a failed Test connection, by why it failed; empty when the reason says it already. */
    static String nextSteps(LlmClient.TestResult test) {
        String error = test.error() == null ? "" : test.error();
        if (error.equals("cannot reach the server")) {
            return "Check, in this order: that the address is right (its host, its port, and the path such as /v1 if the server"
                    + " has one); that the LLM server is running and this machine can reach it (a firewall, or a server that listens"
                    + " only on its own machine, stops it); and, if the server asks for one, the API key. Then test again.";
        }
        if (error.equals(LlmFailure.TIMEOUT)) {
            return "Check that the server is running and not busy with other work, or give it a longer timeout below; a large"
                    + " model on a CPU can take longer than a few seconds for a first answer.";
        }
        if (error.equals(LlmFailure.REFUSED_KEY)) {
            return "Paste the key again (it is easy to miss a character), and check on the server that it is still valid.";
        }
        if (error.equals(LlmFailure.UNKNOWN_MODEL)) {
            return "Type the model's name exactly as the server lists it (most servers list their models at /v1/models).";
        }
        if (error.equals(LlmFailure.NO_SUCH_ADDRESS)) {
            return "Check the address's path: most servers want it to end in /v1 (Loopwise adds /chat/completions), such as"
                    + " http://localhost:11434/v1 for Ollama.";
        }
        if (error.equals(LlmFailure.RATE_LIMITED)) {
            return "Wait a minute and test again. If it keeps happening, ask the provider for a higher limit, or lower the drafts per"
                    + " ticket below (each draft is one call). Meanwhile customers get library replies.";
        }
        if (error.startsWith("the server answered HTTP 5")) {
            return "The LLM server failed on its side: look at its log (a model that did not load, or too little memory), then"
                    + " test again.";
        }
        if (error.equals(LlmFailure.NO_CHOICES) || error.startsWith("malformed answer") || error.equals(LlmFailure.UNREADABLE)) {
            return "Check that the address is the server's OpenAI-compatible API (usually ending in /v1), not a web page, a sign-in"
                    + " page or another kind of API.";
        }
        return "";
    }

    /** A share of the last day's answers, or a dash before any asked the LLM: "0%" of nothing would read as measured. */
    static String shareShown(LlmFigures.Day day, long part) {
        return day.answered() == 0 ? "—" : day.share(part) + "%";
    }

    static String keyUnreadableMessage(LlmPage.View view) {
        return LlmMessages.LLM_KEY_UNREADABLE;
    }

    /** What a field shows: what was just sent if the save was refused, else the setting in force. */
    static String field(LlmPage.View view, String name) {
        if (view.sent() != null) {
            String sent = view.sent().get(name);
            return sent == null ? "" : sent;
        }
        LlmSettings s = view.settings();
        return switch (name) {
            case "baseUrl" -> s.baseUrl() == null ? "" : s.baseUrl();
            case "model" -> s.model() == null ? "" : s.model();
            case "timeoutSeconds" -> timeoutSeconds(s);
            case "drafts" -> String.valueOf(s.drafts());
            case "temperature" -> String.valueOf(s.temperature());
            case "brandVoice" -> s.brandVoice() == null ? "" : s.brandVoice();
            case "keyTyped" -> ""; // a key is typed in a form sent, never in the saved settings shown
            default -> throw new IllegalArgumentException("The LLM page has no field " + name);
        };
    }

    static boolean enabledShown(LlmPage.View view) {
        return view.sent() != null ? "on".equals(view.sent().get("enabled")) || "true".equals(view.sent().get("enabled"))
                : view.settings().enabled();
    }

    static String timeoutSeconds(LlmSettings settings) {
        return trim(settings.timeout().toMillis() / 1000.0);
    }

    private static String trim(double seconds) {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
    }

    static String nextStep(LlmPage.View view) {
        if (!view.settings().active()) {
            return "fill in your team's LLM below (examples under \"How to connect\"), press Test connection to try the values before"
                    + " saving them, then save. "
                    + "Until then Loopwise answers from the reply library, as it always has.";
        }
        if ("open".equals(view.circuit()) || view.day().fellBack() > view.day().answered() / 4) {
            return "the LLM often fails or is too slow: press Test connection to see why, raise the timeout, or check the server.";
        }
        return "keep reviewers judging: their verdicts on drafts teach the reward model which drafts to serve, "
                + "and their rewrites join the reply library.";
    }
}
