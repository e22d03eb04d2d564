package dev.loopwise.llm;

import dev.loopwise.common.LlmMessages;
import dev.loopwise.common.text.TemplateFormats;
import io.quarkus.qute.TemplateExtension;
import java.time.ZoneOffset;

/** How the LLM page reads: its state in a sentence and what to do next. */
@TemplateExtension
public class LlmFormats {
    private static final String CONNECTED = "connected: it drafts replies, and the best of drafts and library replies is served";

    static String state(LlmPage.View view) {
        if (!view.settings().active()) {
            return view.settings().enabled() ? "turned on but incomplete: every answer comes from the reply library"
                    : "not connected: every answer comes from the reply library";
        }
        // A limit the server announced says why answers come from the library better than the share of them that did.
        if (view.rateLimitedUntil() != null) {
            return "slowed down: the LLM asked for fewer calls (HTTP 429), so this instance (" + view.instance() + ") answers from the"
                    + " reply library until " + rateLimitedWhen(view) + ", then calls it again";
        }
        // Behind a load balancer this page comes from any instance, and each instance has its own circuit breaker: one
        // instance's breaker would say "connected" while another's turned customers away. What customers got lately, on
        // every instance, is in the shared request log, so every instance's page says the same; only when no one was
        // answered lately does the line fall back on a breaker, and then it names whose.
        LlmFigures.Day lately = view.lately();
        if (lately.answered() > 0 && lately.fellBack() == lately.answered()) {
            return "failing: every answer of the last " + LlmFigures.LATELY + ", on every instance, came from the reply library"
                    + " (Loopwise tries again every little while" + (view.latest() != null ? "; the latest failure below says why)" : ")");
        }
        if (lately.fellBack() > 0) {
            return "failing now and then: " + lately.fellBack() + " of the " + lately.answered() + " answers of the last "
                    + LlmFigures.LATELY + ", across instances, came from the reply library";
        }
        if (lately.answered() > 0) {
            return CONNECTED;
        }
        return switch (view.circuit()) {
            case "open" -> "failing on this instance (" + view.instance() + "): its answers come from the reply library until it"
                    + " recovers (Loopwise tries again every little while)";
            case "half-open" -> "recovering on this instance (" + view.instance() + "): one request is checking whether it answers again";
            // Closed says only that calls have not been failing; what the last day's answers did says whether it works.
            default -> view.day().answered() == 0
                    ? "turned on, not used yet: no customer ticket has asked it so far (see what it would add on Try a ticket;"
                            + " Test connection checks that it answers)"
                    : view.day().fellBack() == view.day().answered()
                    ? "turned on but not answering: every answer in the last 24 hours came from the reply library; press Test"
                            + " connection to see why"
                    : CONNECTED;
        };
    }

    /** When the latest failed call was, as every page says a time. */
    static String latestWhen(LlmPage.View view) {
        return TemplateFormats.when(view.latest().at().atOffset(ZoneOffset.UTC));
    }

    /** Until when this instance makes no call, as a time of day: a limit lasts seconds, at most LOOPWISE_LLM_MAX_RETRY_AFTER. */
    static String rateLimitedWhen(LlmPage.View view) {
        return LlmRateLimit.CLOCK.format(view.rateLimitedUntil());
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
        // As the "Now:" line reads it: the last minutes on every instance, and only without any answer lately this
        // instance's breaker and the last day, so the two lines never say opposite things.
        LlmFigures.Day lately = view.lately();
        boolean failing = lately.answered() > 0 ? lately.fellBack() > lately.answered() / 4
                : "open".equals(view.circuit()) || view.day().fellBack() > view.day().answered() / 4;
        if (view.rateLimitedUntil() != null) {
            return "the LLM is limiting requests: ask its provider for a higher limit, or lower the drafts per ticket (each draft is"
                    + " one call).";
        }
        if (failing) {
            return "the LLM often fails or is too slow: press Test connection to see why, raise the timeout, or check the server.";
        }
        return "keep reviewers judging: their verdicts on drafts teach the reward model which drafts to serve, "
                + "and their rewrites join the reply library.";
    }
}
