package dev.loopwise.common.http;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.Messages;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * An API address that reads no body refuses one, as it refuses a query parameter it does not read: a client that sends
 * {@code {"expectedActive": 3}} to a promotion, or {@code {"force": false}} to a drift check, would otherwise have the
 * request carried out without the condition it asked for, and could not tell. A form keeps its own answer
 * ({@code 400 form_not_accepted}, from the form reader), and the OpenAI-compatible API is left to read what OpenAI reads.
 */
public class BodyNotTaken {
    /** Long enough for {@code {}}, {@code []}, {@code null} and a blank or two; too short for any named setting. */
    private static final int SAYS_NOTHING_BYTES = 5;
    private static final Map<Method, Boolean> READS_BODY = new ConcurrentHashMap<>();
    /** Where the parameter annotations that take a value from elsewhere than the body come from. */
    private static final String[] NOT_BODY = {"jakarta.ws.rs.", "org.jboss.resteasy.reactive."};
    /** Where the types injected as context come from (UriInfo, HttpHeaders, the Vert.x request). */
    private static final String[] CONTEXT_TYPES = {"jakarta.ws.rs.", "org.jboss.resteasy.", "io.vertx.", "io.quarkus."};

    @ServerRequestFilter
    public void onlyWhereRead(ResteasyReactiveContainerRequestContext request, ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null || !request.getUriInfo().getPath().startsWith("/api/")
                || !sendsBody(request) || isForm(request.getMediaType())) {
            return;
        }
        if (!READS_BODY.computeIfAbsent(resource.getResourceMethod(), BodyNotTaken::readsBody)) {
            throw new ApiException(Status.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", Messages.API_TAKES_NO_BODY);
        }
    }

    /**
     * Whether the body could say anything: {@code {}}, {@code []} or {@code null}, which many HTTP clients send by habit
     * on a post, carry no setting, while the shortest object that names one ({@code {"a":1}}) takes seven bytes.
     */
    private static boolean sendsBody(ResteasyReactiveContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return request.getHeaderString("Transfer-Encoding") != null;
        }
        try {
            return Long.parseLong(length.strip()) > SAYS_NOTHING_BYTES;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static boolean isForm(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    /** The entity parameter is the one no JAX-RS annotation gives another source, and that is not a context object. */
    private static boolean readsBody(Method method) {
        for (Parameter parameter : method.getParameters()) {
            boolean elsewhere = false;
            for (Annotation annotation : parameter.getAnnotations()) {
                elsewhere |= startsWithAny(annotation.annotationType().getName(), NOT_BODY);
            }
            if (!elsewhere && !startsWithAny(parameter.getType().getName(), CONTEXT_TYPES)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(String name, String[] prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
