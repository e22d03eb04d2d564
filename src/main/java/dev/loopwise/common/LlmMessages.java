package dev.loopwise.common;

import dev.loopwise.common.text.Counts;
import java.util.Locale;

/** What the LLM connection's settings and the OpenAI-compatible endpoint say to people, in one place (as {@link Messages}). */
public final class LlmMessages {
    private LlmMessages() {
    }

    public static final String LLM_LOOP = "This request comes from a Loopwise instance writing drafts: its LLM address points at"
            + " Loopwise itself. On the LLM page, give the address of a language-model server (Ollama, vLLM, OpenAI, …) instead.";
    public static final String LLM_NEEDS_URL_AND_MODEL =
            "To turn the LLM on, give both its address (e.g. http://localhost:11434/v1) and a model name; nothing was saved.";
    public static final String LLM_BAD_URL =
            "The LLM address must be a full http:// or https:// address such as http://localhost:11434/v1; nothing was saved.";
    public static String llmUrlTooLong(int length, int max) {
        return "The LLM address is " + String.format(Locale.ROOT, "%,d", length) + " characters long; a server's address up to its"
                + " /v1 (such as http://localhost:11434/v1) takes at most " + String.format(Locale.ROOT, "%,d", max)
                + ". Nothing was saved.";
    }

    public static final String LLM_URL_NOT_CALLABLE = "The LLM address must be the server's address up to its /v1, with a port"
            + " from 1 to 65535 if any and nothing after a ? or # (such as http://localhost:11434/v1); nothing was saved.";
    public static final String LLM_URL_WITH_CREDENTIALS =
            "Put the LLM's password or token in the API key field, not in its address; nothing was saved.";
    public static String llmKeyForOtherServer(String savedFor) {
        return "The address names another server than the one the stored API key was saved for"
                + (savedFor == null ? "" : " (" + savedFor + ")")
                + ": type the API key again for this server, or tick Remove the stored key if it needs none. A stored key is only"
                + " sent to its own server. Nothing was saved or sent.";
    }

    public static final String LLM_BAD_KEY = "The API key may hold only letters, digits and visible ASCII punctuation, up to 1000 of"
            + " them, with no spaces or line breaks (a key copied with a trailing '…' is cut off); nothing was saved.";
    public static final String LLM_KEY_UNREADABLE = "The saved API key cannot be read: it was sealed with another session key"
            + " (LOOPWISE_SESSION_KEY changed since it was saved, or this instance has a different one). Type the key again and"
            + " press Save; until then the LLM is called without a key.";
    public static final String LLM_MODEL_CONTROL = "The model name holds a control character; type it again. Nothing was saved.";
    public static final String LLM_MODEL_TOO_LONG = "The model name is longer than 200 characters; nothing was saved.";
    public static final String LLM_TIMEOUT_RANGE = "The timeout must be between 0.1 and 600 seconds; nothing was saved.";
    public static final String LLM_DRAFTS_RANGE = "Drafts per ticket must be between 1 and 8; nothing was saved.";
    public static final String LLM_TEMPERATURE_RANGE = "The temperature must be between 0 and 2; nothing was saved.";
    public static String llmBrandVoiceControl(String found) {
        return "The brand voice holds a control character (" + found + "): remove it (line breaks and tabs may stay). Nothing was saved.";
    }

    public static final String LLM_BRAND_VOICE_TOO_LONG = "The brand voice is longer than 2000 characters; shorten it. Nothing was saved.";
    public static final String CHAT_NEEDS_USER_MESSAGE =
            "Send 'messages' with at least one message whose role is 'user' and whose content is the customer's text.";
    public static final String CHAT_BAD_CONTENT_PART = "A message's content is a string or a list of parts such as "
            + "{\"type\": \"text\", \"text\": \"...\"}; each part needs a type, and a text part a string text.";
    /** A message that is not an object with a role, named by its place in 'messages'. */
    public static String chatBadMessage(int index) {
        return "messages[" + index + "] needs a 'role' (system, developer, user, assistant or tool) and a 'content': each message"
                + " is an object such as {\"role\": \"user\", \"content\": \"...\"}.";
    }

    /**
     * A message of another role (system, assistant…) whose content is neither text, a list of parts nor null: OpenAI
     * refuses it, so a client that sends it has a bug to see. {@code sent} is the JSON type given.
     */
    public static String chatOtherBadContent(int index, String role, String sent) {
        String given = sent.equals("NUMBER") ? "a number" : sent.equals("BOOLEAN") ? "true or false" : "an object";
        return "messages[" + index + "].content (a " + role + " message) must be a string or a list of parts such as"
                + " [{\"type\": \"text\", \"text\": \"...\"}]; it is " + given + ".";
    }

    /** A message's optional 'name' (who speaks) that is not text. */
    public static String chatBadName(int index) {
        return "messages[" + index + "].name is the speaker's name, a string such as \"alex\": send it in quotes, or leave it out.";
    }

    /** A user message whose content is neither text nor a list of parts; {@code sent} is the JSON type given (null: none). */
    public static String chatBadContent(int index, String sent) {
        String given = sent == null || sent.equals("MISSING") || sent.equals("NULL") ? "it has none"
                : "it is " + (sent.equals("NUMBER") ? "a number" : sent.equals("BOOLEAN") ? "true or false" : "an object");
        return "messages[" + index + "].content must be the customer's text, a string, or a list of parts such as"
                + " [{\"type\": \"text\", \"text\": \"...\"}]; " + given + ".";
    }
    public static final String CHAT_MESSAGES_LIST = "'messages' must be a list of {role, content} objects, such as"
            + " [{\"role\": \"user\", \"content\": \"Where is my order?\"}].";

    /** The last user message held parts but no text: an image alone is no ticket. */
    public static String chatNeedsText(int index) {
        return "Loopwise needs text in the last user message: messages[" + index + "] has no text in its parts, and an image,"
                + " audio or file alone cannot be answered. Add a part such as {\"type\": \"text\", \"text\": \"...\"} with the customer's words.";
    }

    /** A non-text part without the field its type names ({"type": "image_url"} with no image_url). */
    public static String chatPartWithoutValue(int index, String type) {
        return "messages[" + index + "] has a part of type " + type + " without its '" + type + "'"
                + (type.equals("image_url") ? " object holding a 'url'" : " object") + ", such as {\"type\": \"image_url\","
                + " \"image_url\": {\"url\": \"https://...\"}}; add it or remove the part.";
    }

    /** {@code asked}: what the request asked for that is not text ("'modalities' holds 'audio'"). */
    public static String chatTextOnly(String asked) {
        return asked + ", and Loopwise answers in text only, with the support reply it serves: leave it out, or ask for"
                + " [\"text\"].";
    }

    /** A tool setting, refused rather than ignored: Loopwise answers with a support reply and never calls a tool. */
    public static String chatNoTools(String field) {
        return "'" + field + "' cannot be used here: Loopwise does not call tools, it answers with a support reply. Remove '"
                + field + "' (or send \"tool_choice\": \"none\" to keep tools in the request unused).";
    }
    /** A chat request with more messages than LOOPWISE_SERVING_MAX_CHAT_MESSAGES allows. */
    public static String chatTooManyMessages(int count, int limit) {
        return "'messages' holds " + Counts.of(count, "message") + ", and Loopwise takes at most " + Counts.of(limit, "message")
                + " a request (LOOPWISE_SERVING_MAX_CHAT_MESSAGES). It reads only the last user message: send the conversation's"
                + " recent turns rather than its whole history.";
    }

    /** A chat request whose messages hold more text in all than LOOPWISE_SERVING_MAX_CHAT_CHARACTERS allows. */
    public static String chatTooLong(long characters, int limit) {
        return "The messages hold " + Counts.of(characters, "character") + " of text in all, and Loopwise takes at most "
                + Counts.of(limit, "character") + " a request (LOOPWISE_SERVING_MAX_CHAT_CHARACTERS). It reads only the last user"
                + " message: leave out earlier turns, or shorten a long system prompt.";
    }

    /**
     * An address under /v1 that Loopwise does not serve (/v1/completions, /v1/embeddings, /v1/responses): OpenAI SDKs show
     * only this sentence, so it says what is served instead of a bare "nothing here".
     */
    public static String openAiAddressUnknown(String address) {
        return "Loopwise serves chat completions only: POST /v1/chat/completions (and GET /v1/models for the model's name)."
                + " There is nothing at '" + address + "'; send the request to chat completions instead.";
    }

    /** A body over LOOPWISE_MAX_BODY_SIZE sent to /v1: the usual cause is a long history or an image inlined as data. */
    public static String chatBodyTooLarge(String limit) {
        return "The request body is larger than the limit of " + limit + ". Loopwise reads only the text of the last user message:"
                + " send the conversation's recent turns, without images or files inlined as data, or ask whoever runs Loopwise to"
                + " raise LOOPWISE_MAX_BODY_SIZE.";
    }

    public static final String CHAT_STREAM_BOOLEAN = "'stream' must be true or false.";
    public static final String CHAT_INCLUDE_USAGE_BOOLEAN = "'stream_options.include_usage' must be true or false.";

    public static String llmNotANumber(String field, String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return "The " + field + " must be a number, not '" + shown + "'; nothing was saved.";
    }

    // Why a call to the team's LLM failed, each a sentence that says what happened and what to check: shown after a
    // failed Test connection and as the latest failure on the LLM page (the API keeps its short reasons).

    /** {@code within}: the timeout as said ("5 s"); {@code setting}: where it is set. */
    public static String llmTimedOut(String within, String setting) {
        return "The LLM server did not answer within the timeout of " + within + " (" + setting + "). A server that is still"
                + " loading the model into memory, or a large model on a CPU, can take longer than that for a first answer: check"
                + " that the server is running and has loaded the model, then test again, or raise the timeout.";
    }

    public static final String LLM_REFUSED_CONNECTION = "Nothing accepted the connection at this address (the connection was"
            + " refused, or the host is unknown). Check, in this order: that the address is right (its host, its port, and the"
            + " path such as /v1 if the server has one); that the LLM server is running and this machine can reach it (a firewall,"
            + " or a server that listens only on its own machine, stops it); and, if the server asks for one, the API key.";
    public static final String LLM_KEY_REFUSED = "The server refused the API key (HTTP 401 or 403): paste the key again (it is"
            + " easy to miss a character), and check on the server that the key is still valid and may use this model.";
    public static final String LLM_MODEL_UNKNOWN = "The server does not know this model (HTTP 404): type the model's name exactly"
            + " as the server lists it (most servers list their models at /v1/models; Ollama needs the model pulled first).";
    public static final String LLM_PATH_UNKNOWN = "Nothing answers at this address's path (HTTP 404): check the path, which most"
            + " servers want to end in /v1 (Loopwise adds /chat/completions), such as http://localhost:11434/v1 for Ollama.";
    public static final String LLM_RATE_LIMITED = "The server is limiting requests (HTTP 429: too many calls or tokens for this"
            + " key): wait a minute and test again; if it keeps happening, ask the provider for a higher limit, or lower the"
            + " drafts per ticket (each draft is one call). Meanwhile customers get library replies.";

    /** The server answered HTTP 429 with a Retry-After: calls wait until {@code until} (a time of day, UTC). */
    public static String llmSlowedDown(String until) {
        return "The server asked Loopwise to slow down (HTTP 429 with Retry-After), so no call is made to it and tickets are"
                + " answered from the library until " + until + " (at most LOOPWISE_LLM_MAX_RETRY_AFTER from the refusal); if it"
                + " keeps happening, ask the provider for a higher limit, or lower the drafts per ticket (each draft is one call).";
    }

    /** As {@link #llmSlowedDown}, once the hold has ended: {@code until} is when it did, e.g. "10:00:12 UTC". */
    public static String llmSlowedDownEnded(String until) {
        return "The server asked Loopwise to slow down (HTTP 429 with Retry-After), so no call was made to it and tickets were"
                + " answered from the library until " + until + "; that is over, and calls are made again. If it keeps happening, ask"
                + " the provider for a higher limit, or lower the drafts per ticket (each draft is one call).";
    }

    /** Test connection met HTTP 429 with Retry-After: {@code wait} is what the server asked for, e.g. "20 s". */
    public static String llmAskedToWait(String wait) {
        return "The server is limiting requests (HTTP 429) and asked to wait " + wait + " before the next call: wait that long and"
                + " test again. Tickets that meet such a limit make no call until it ends (at most LOOPWISE_LLM_MAX_RETRY_AFTER away) and"
                + " are answered from the library meanwhile; if it keeps happening, ask the provider for a higher limit, or lower the"
                + " drafts per ticket (each draft is one call).";
    }

    public static final String LLM_MALFORMED = "The server's answer is not in the OpenAI chat-completions format (it could not be"
            + " read, or held no 'choices'): check that the address is the server's OpenAI-compatible API, usually ending in /v1,"
            + " not a web page, a sign-in page or another kind of API.";
    public static final String LLM_CUT_OFF = "The server closed the connection before its answer was complete: it may have stopped"
            + " or restarted while answering (look at its log: a model too large for the server's memory often does this), or a"
            + " proxy between Loopwise and the server cut the call off. Test again; if it keeps happening, fix the server or the"
            + " proxy. Meanwhile customers get library replies.";
    public static final String LLM_NO_SECURE_CONNECTION = "No secure connection could be set up with the server: the address"
            + " starts with https, but the server either speaks plain http on that port (then write http:// in the address) or"
            + " shows a certificate this machine does not trust (a self-signed one must be added to Java's trusted certificates).";
    public static final String LLM_EMPTY_ANSWER = "The server answered with an empty reply: check that the model is a chat model"
            + " and that the server has loaded it, then test again.";
    public static final String LLM_CIRCUIT_OPEN = "Calls are paused after failing several times in a row, and tickets are answered"
            + " from the library meanwhile; Loopwise tries the server again shortly. Press Test connection to see why they failed.";
    public static final String LLM_BUSY = "Too many tickets were already waiting for the LLM (LOOPWISE_LLM_MAX_CONCURRENT), so this"
            + " one was answered from the library: check that the server keeps up, or raise the limit.";
    public static final String LLM_LOOP_ADDRESS = "The address points at Loopwise itself: give the address of a language-model"
            + " server (Ollama, vLLM, OpenAI, …) instead.";
    public static final String LLM_NOT_SET = "No address or model is set: fill both in, then test again.";

    public static String llmServerFailed(String status) {
        return "The server answered " + status + ", a failure on its side: look at its log (a model that did not load, or too"
                + " little memory), then test again.";
    }

    public static String llmServerRefused(String status) {
        return "The server answered " + status + ": check the address, the model's name and the API key against the server's"
                + " documentation, then test again.";
    }

    /** Any other reason, said as given; it never holds an exception's own text. */
    public static String llmOtherFailure(String reason) {
        String sentence = reason.isEmpty() ? reason : Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
        return sentence.endsWith(".") ? sentence : sentence + ".";
    }
}
