package dev.loopwise.common.http;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.HttpMessages;
import dev.loopwise.common.json.JsonStrictness;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.container.ResourceInfo;
import java.io.IOException;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * A form's fields are read as sent, or refused with 400 before the resource runs, as the same mistakes in a query are
 * ({@link HttpLayerErrors}): a field sent twice (two roles, two files) would otherwise be read as its first value without
 * a word, and bytes that are not UTF-8 (%FF, Latin-1's %E9) would be read as U+FFFD replacement marks and stored in
 * place of what was typed; a NUL is nothing a person types, PostgreSQL cannot store it, and a page refusing the field
 * for another reason would show it again in the form (other control characters are each field's own rules, which
 * show the form again with the character named); a bidirectional embedding, override or isolate is refused in every
 * field, as in JSON ({@link JsonStrictness}). Fields the resource reads as a list (the Intents page's rows, a drift topic's
 * ticked examples) may repeat.
 */
public class FormFields {
    @ServerRequestFilter(readBody = true)
    public void readAsSent(ResteasyReactiveContainerRequestContext request, ResourceInfo resource) {
        FormData form = request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context ? context.getFormData() : null;
        if (form == null) {
            return;
        }
        Set<String> lists = null;
        for (String name : form) {
            if (name.isEmpty()) {
                throw ApiException.badRequest("malformed_form", HttpMessages.unnamedFormField());
            }
            int given = 0;
            for (FormValue value : form.get(name)) {
                given++;
                // Bytes that are not text in the form's charset (UTF-8 unless it names another) arrive decoded as marks.
                if (!value.isFileItem() && value.getValue() != null && value.getValue().indexOf('\uFFFD') >= 0) {
                    throw ApiException.badRequest("malformed_form", HttpMessages.formFieldNotUtf8(name));
                }
                int nul = value.isFileItem() || value.getValue() == null ? -1 : value.getValue().indexOf('\u0000');
                if (nul >= 0) {
                    throw ApiException.badRequest("invalid_text", HttpMessages.formFieldNul(name,
                            value.getValue().codePointCount(0, nul) + 1));
                }
                if (!value.isFileItem() && value.getValue() != null) {
                    JsonStrictness.refuseDirectionControl(name, value.getValue());
                }
            }
            if (given > 1) {
                lists = lists == null ? listFields(resource) : lists;
                if (!lists.contains(name)) {
                    throw ApiException.badRequest("repeated_field", HttpMessages.repeatedFormField(name, given));
                }
            }
        }
    }

    /** The form fields the resource method reads as several values. */
    private static Set<String> listFields(ResourceInfo resource) {
        Set<String> lists = new HashSet<>();
        if (resource == null || resource.getResourceMethod() == null) {
            return lists;
        }
        for (Parameter parameter : resource.getResourceMethod().getParameters()) {
            RestForm rest = parameter.getAnnotation(RestForm.class);
            FormParam form = parameter.getAnnotation(FormParam.class);
            String named = rest != null ? rest.value() : form != null ? form.value() : null;
            if (named != null && (Collection.class.isAssignableFrom(parameter.getType()) || parameter.getType().isArray())) {
                lists.add(named.isEmpty() ? parameter.getName() : named);
            }
        }
        return lists;
    }

    /**
     * The framework's form reader fails with a plain IllegalArgumentException ('%' without two hex digits) or an
     * IOException (a multipart body cut short) before any resource runs: the body is the client's mistake.
     */
    static boolean failedReading(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if ((cause instanceof IllegalArgumentException || cause instanceof IOException) && cause.getStackTrace().length > 0
                    && Arrays.stream(cause.getStackTrace()).limit(8)
                    .anyMatch(frame -> frame.getClassName().endsWith(".FormBodyHandler"))) {
                return true;
            }
        }
        return false;
    }
}
