package dev.loopwise.common.http;

import dev.loopwise.common.HttpMessages;
import dev.loopwise.common.LlmMessages;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Vert.x refuses an oversized body before any resource runs, with an empty 413; this adds the
 * sentence that tells the client what the limit is. It runs after {@link ApiCallerFirst}, so that on the API a
 * stranger learns nothing from it about the address.
 */
@ApplicationScoped
@Named("payloadLimit")
public class PayloadLimit {
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize limit;

    /**
     * The largest file an upload form sends: the body's limit less room for the form's other fields and part headers, so
     * that a file just under the limit is not refused at the field only to come back as the too-large page.
     */
    public long bytes() {
        return Math.max(limit.asLongValue() / 2, limit.asLongValue() - FORM_ROOM);
    }

    private static final long FORM_ROOM = 64 * 1024;

    /** What an upload form says when the chosen file is over the limit. */
    public String tooLarge() {
        return HttpMessages.fileTooLarge(size());
    }

    /** The limit as the upload pages state it, "10 MB". */
    public String size() {
        return describe(limit.asLongValue());
    }

    void register(@Observes Router router) {
        router.route().order(RolesFirst.ORDER + 1).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && length.chars().allMatch(Character::isDigit) && Long.parseLong(length) > limit.asLongValue()) {
                refuse(context);
            } else {
                context.next();
            }
        });
        // A body without Content-Length (chunked) is read here, up to the limit, so that an oversized one fails this
        // route (and gets the sentence below) instead of being cut off mid-stream, with an empty answer, by the
        // resource's reader. Forms and uploads keep their own readers and limits.
        BodyHandler chunked = BodyHandler.create(false).setBodyLimit(limit.asLongValue());
        router.route().order(RolesFirst.ORDER + 2).handler(context -> {
            String type = String.valueOf(context.request().getHeader("Content-Type")).toLowerCase(Locale.ROOT);
            if (context.request().getHeader("Content-Length") == null && context.request().headers().contains("Transfer-Encoding")
                    && !type.startsWith("multipart/") && !type.startsWith("application/x-www-form-urlencoded")) {
                chunked.handle(context);
            } else {
                context.next();
            }
        });
        // A body without Content-Length is cut off while streaming; the failure arrives here.
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.statusCode() == 413 && !context.response().ended()) {
                refuse(context);
            } else {
                context.next();
            }
        });
    }

    /**
     * The upload forms a browser may send over the limit, by the address they post to, and the page each is on: the page
     * offers the way back there. Never taken from the Referer, which would let another site send a person anywhere.
     */
    private static final Map<String, ErrorPage.Back> UPLOAD_PAGES = Map.of(
            "/admin/import", new ErrorPage.Back("/admin/import", "Import"),
            "/admin/knowledge", new ErrorPage.Back("/admin/knowledge", "Knowledge"),
            "/admin/drift/replay", new ErrorPage.Back("/admin/drift", "Drift"));

    private void refuse(RoutingContext context) {
        ErrorPage.offerBack(context, UPLOAD_PAGES.get(context.normalizedPath()));
        // An OpenAI client sends no file to import: it is told what of a chat request Loopwise reads.
        String size = describe(limit.asLongValue());
        HttpLayerErrors.refuse(context, 413, "payload_too_large", context.normalizedPath().startsWith("/v1/")
                ? LlmMessages.chatBodyTooLarge(size) : HttpMessages.payloadTooLarge(size));
    }

    static String describe(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        return bytes >= 1024 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
