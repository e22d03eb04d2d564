package dev.loopwise.serving;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.json.JsonStrictness;
import dev.loopwise.common.Messages;
import dev.loopwise.common.text.PlainText;
import dev.loopwise.common.ServingMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one set of rules for what may be answered, shared by the API, the chat endpoint and replayed files: nothing
 * reaches the request log (and from it drift windows and review items) that a customer's request could not.
 */
@ApplicationScoped
public class ServableText {
    @Inject
    ServingConfig config;

    /** Why this ticket cannot be answered, or null when it can. */
    public ApiException refusal(String text) {
        if (text == null) {
            return ApiException.badRequest("validation_failed", ServingMessages.TEXT_REQUIRED);
        }
        if (!PlainText.showsSomething(text)) {
            return ApiException.badRequest("validation_failed", text.isBlank() ? ServingMessages.TEXT_EMPTY : ServingMessages.TEXT_INVISIBLE);
        }
        if (PlainText.length(text) > config.maxTextLength()) {
            // The limit guards memory; the message counts characters as a person does.
            return ApiException.badRequest("text_too_long", ServingMessages.textTooLong(PlainText.length(text), config.maxTextLength()));
        }
        if (!JsonStrictness.storable(text)) {
            return ApiException.badRequest("invalid_text", text.indexOf('\u0000') >= 0 ? Messages.nulInText("text")
                    : Messages.loneSurrogateInText("text"));
        }
        String control = PlainText.firstControlCharacter(text);
        if (control != null) {
            return ApiException.badRequest("invalid_text", ServingMessages.controlCharacterInTicket(control));
        }
        return null;
    }
}
