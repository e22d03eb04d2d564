package dev.loopwise.llm;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.LlmMessages;
import dev.loopwise.common.http.FormValues;
import dev.loopwise.common.runtime.InstanceName;
import dev.loopwise.security.Role;
import dev.loopwise.security.account.CurrentUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** The team's own LLM: connect it, test it, see what it did for the last day's answers. Roles: admin. */
@Path("/admin/llm")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class LlmPage {
    @Inject
    LlmSettingsService settings;
    @Inject
    LlmClient client;
    @Inject
    LlmFigures figures;
    @Inject
    Grounding grounding;
    @Inject
    CurrentUser currentUser;

    /**
     * Everything the page shows; {@code test} is the result of the last "Test connection", if just pressed; {@code sent}
     * the fields of a refused save, shown again so that nothing typed is lost (null otherwise); {@code latest} why the latest
     * ticket of the settings in effect got no draft, on any instance (null while none failed); {@code lately} the last
     * minutes' answers on every instance; {@code circuit} the circuit breaker of {@code instance}, the one showing the page;
     * {@code rateLimitedUntil} when that instance may call the LLM again after it asked for fewer calls (null while it may).
     */
    public record View(LlmSettings settings, boolean keyUnreadable, String circuit, boolean knowledgeBase, LlmFigures.Day day,
                       LlmClient.TestResult test, String error, String notice, Map<String, String> sent, LlmFigures.LatestFailure latest,
                       LlmFigures.Day lately, String instance, Instant rateLimitedUntil) {
        View withSent(Map<String, String> fields) {
            return new View(settings, keyUnreadable, circuit, knowledgeBase, day, test, error, notice, fields, latest, lately, instance,
                    rateLimitedUntil);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance llm(View view);
    }

    @GET
    @Transactional
    public TemplateInstance show() {
        return Templates.llm(view(null, null, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestForm String enabled, @RestForm String baseUrl, @RestForm String model, @RestForm String apiKey,
                         @RestForm String clearKey, @RestForm String timeoutSeconds, @RestForm String drafts,
                         @RestForm String temperature, @RestForm String brandVoice) {
        try {
            LlmSettings saved = settings.save(change(enabled, baseUrl, model, apiKey, clearKey, timeoutSeconds, drafts, temperature,
                    brandVoice), currentUser.name());
            // Azure's deployments and some proxies live elsewhere, so a missing /v1 is only pointed out.
            boolean noVersion = baseUrl != null && !baseUrl.isBlank() && !baseUrl.strip().replaceAll("/+$", "").matches(".*/v\\d+$")
                    && !baseUrl.contains("/openai/");
            // Turned on, it is tried at once: a dead address saved as "on" would otherwise read as working until someone
            // noticed that every answer came from the library.
            LlmClient.TestResult tried = saved.enabled() ? client.test(saved) : null;
            String hint = noVersion ? " The address does not end in /v1, which most OpenAI-compatible servers need"
                    + " (http://host:11434/v1 for Ollama)." : "";
            String notice = tried != null && !tried.ok()
                    ? "Saved, and drafting is on — but the LLM did not answer the test below, so customers get library replies"
                    + " until it does. Fix the settings, or switch drafting off." + hint
                    : "Saved. New answers use these settings." + hint;
            return Response.ok(Templates.llm(viewNow(tried, null, notice))).build();
        } catch (ApiException e) {
            return Response.status(e.status).entity(Templates.llm(viewNow(null, e.getMessage(), null)
                    .withSent(sent(enabled, baseUrl, model, apiKey, timeoutSeconds, drafts, temperature, brandVoice)))).build();
        }
    }

    /**
     * Calls the LLM once and shows how long it took and what it said, or what went wrong: with the values in the form
     * (not saved; an empty key field uses the stored key), or with the saved settings when the form sent none.
     */
    @POST
    @Path("/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response test(@RestForm String enabled, @RestForm String baseUrl, @RestForm String model, @RestForm String apiKey,
                         @RestForm String clearKey, @RestForm String timeoutSeconds, @RestForm String drafts,
                         @RestForm String temperature, @RestForm String brandVoice) {
        if (baseUrl == null && model == null) {
            return Response.ok(Templates.llm(viewNow(client.test(settings.readNow()), null, null))).build();
        }
        Map<String, String> sent = sent(enabled, baseUrl, model, apiKey, timeoutSeconds, drafts, temperature, brandVoice);
        if (baseUrl == null || baseUrl.isBlank() || model == null || model.isBlank()) {
            // Nothing to try yet; the refusal to turn the LLM on ("nothing was saved") would answer a question not asked.
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.llm(viewNow(null, "To test a connection, fill in the "
                    + "server's address and the model's name (for Ollama: http://localhost:11434/v1 and a model you pulled), then press "
                    + "Test connection again. Nothing was saved.", null).withSent(sent))).build();
        }
        try {
            // Tried as if turned on: testing is how an admin decides whether to turn it on.
            LlmSettings typed = settings.preview(change("on", baseUrl, model, apiKey, clearKey, timeoutSeconds, drafts, temperature,
                    brandVoice));
            LlmClient.TestResult tried = client.test(typed);
            // A failed test gets no notice of its own: one above the failure read like a success.
            return Response.ok(Templates.llm(viewNow(tried, null, tried.ok()
                    ? "It worked with the values in the form; they are not saved until you press Save." : null).withSent(sent))).build();
        } catch (ApiException e) {
            return Response.status(e.status).entity(Templates.llm(viewNow(null, e.getMessage(), null).withSent(sent))).build();
        }
    }

    /**
     * What the form sent, shown again so that nothing typed is lost — never the key, which no page sends back: whether
     * one was typed is kept instead, so the page can ask for it again before Save stores the settings without it.
     */
    private static Map<String, String> sent(String enabled, String baseUrl, String model, String apiKey, String timeoutSeconds,
                                            String drafts, String temperature, String brandVoice) {
        Map<String, String> sent = new HashMap<>();
        sent.put("keyTyped", apiKey != null && !apiKey.isBlank() ? "yes" : null);
        sent.put("enabled", enabled);
        sent.put("baseUrl", baseUrl);
        sent.put("model", model);
        sent.put("timeoutSeconds", timeoutSeconds);
        sent.put("drafts", drafts);
        sent.put("temperature", temperature);
        sent.put("brandVoice", brandVoice);
        return sent;
    }

    private static LlmSettingsService.Change change(String enabled, String baseUrl, String model, String apiKey, String clearKey,
                                                    String timeoutSeconds, String drafts, String temperature, String brandVoice) {
        return new LlmSettingsService.Change(checkbox("enabled", enabled), baseUrl, model, apiKey, checkbox("clearKey", clearKey),
                number(timeoutSeconds, "timeout"), whole(drafts), number(temperature, "temperature"), brandVoice);
    }

    private View viewNow(LlmClient.TestResult test, String error, String notice) {
        return QuarkusTransaction.requiringNew().call(() -> view(test, error, notice));
    }

    private View view(LlmClient.TestResult test, String error, String notice) {
        LlmSettings inEffect = settings.readNow();
        return new View(inEffect, settings.keyUnreadable(), client.circuitState(), grounding.available(), figures.lastDay(), test, error,
                notice, null, figures.latestFailure(inEffect).orElse(null), figures.lately(), InstanceName.current(),
                client.rateLimitedUntil(inEffect).orElse(null));
    }

    private static Double number(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!FormValues.isDecimal(value.strip())) {
            throw ApiException.badRequest("validation_failed", LlmMessages.llmNotANumber(field, value));
        }
        return Double.valueOf(value.strip());
    }

    private static Integer whole(String value) {
        Double number = number(value, "drafts per ticket");
        if (number != null && number != Math.rint(number)) {
            throw ApiException.badRequest("validation_failed", LlmMessages.LLM_DRAFTS_RANGE);
        }
        return number == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number));
    }

    /** A checkbox sends "on" when ticked and nothing otherwise; a script may send true or false. Anything else is refused. */
    private static boolean checkbox(String field, String value) {
        return "on".equals(FormValues.oneOf(field, value, "on", "true", "false")) || "true".equals(value);
    }
}
