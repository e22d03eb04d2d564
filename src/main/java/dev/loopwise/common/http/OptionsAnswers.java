package dev.loopwise.common.http;

import dev.loopwise.common.LlmMessages;
import dev.loopwise.common.Messages;
import dev.loopwise.common.text.PlainText;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * OPTIONS names what the address takes, as a 405's Allow does, and an address nothing serves is a 404, as it is to GET:
 * RESTEasy would answer 200 with every method of its resource class, and the router 200 for any address at all, so an
 * OPTIONS told a caller that /nothing was there. Vert.x's file handlers leave OPTIONS to the next route whether the file
 * is there or not, so a file is looked for where GET finds it. It runs after ApiCallerFirst and RolesFirst: which
 * addresses exist and what they take is told to a caller allowed there only, as a 404 or 405 is.
 */
@ApplicationScoped
public class OptionsAnswers {
    /** Where GET finds the application's own files (styles, scripts, the icon). */
    static final String STATIC_FILES = "META-INF/resources";
    static final String SWAGGER_UI = "/q/swagger-ui";
    /** Quarkus' form sign-in takes its POST here, outside any resource (the default of quarkus.http.auth.form.post-location). */
    static final String SIGN_IN_POST = "/j_security_check";

    void register(@Observes Router router) {
        // Swagger UI's handler answers every address that starts with its name, so /q/swagger-uix showed the page.
        router.route().order(RolesFirst.ORDER + 3).handler(context -> {
            String path = context.normalizedPath();
            if (path.startsWith(SWAGGER_UI) && !path.equals(SWAGGER_UI) && !path.startsWith(SWAGGER_UI + "/")) {
                HttpLayerErrors.refuse(context, 404, "not_found", Messages.NOT_FOUND);
            } else {
                context.next();
            }
        });
        router.route().order(RolesFirst.ORDER + 3).method(HttpMethod.OPTIONS).handler(context -> {
            String path = context.normalizedPath();
            String allowed = AllowedMethods.of(path);
            if (allowed != null) {
                allow(context, allowed);
            } else if (path.startsWith("/v1/")) {
                notFound(context, OpenAiError.of(404, "not_found", LlmMessages.openAiAddressUnknown(PlainText.quoted(path))));
            } else if (OperationsMethods.isOperations(path) || path.equals(SWAGGER_UI) || path.startsWith(SWAGGER_UI + "/")) {
                // Health, metrics and the API document answer for themselves (OperationsMethods); Swagger UI's handler
                // answers OPTIONS as well, with 200 whether the file is there or not.
                context.next();
            } else if (path.equals(SIGN_IN_POST)) {
                allow(context, "POST");
            } else if (isFile(path)) {
                allow(context, OperationsMethods.READ_ONLY);
            } else {
                notFound(context, new ApiError("not_found", Messages.NOT_FOUND));
            }
        });
    }

    /** Whether GET finds one of the application's own files at this address. */
    static boolean isFile(String path) {
        return resourceFile(STATIC_FILES + path);
    }

    /**
     * A file on the class path, not a folder, which GET does not list. In a folder of classes, the name with a slash added
     * still finds a file, so the folder is asked; in a jar only a folder's entry ends with one.
     */
    private static boolean resourceFile(String name) {
        if (name.endsWith("/") || name.contains("/../") || name.contains("//")) {
            return false;
        }
        ClassLoader loader = OptionsAnswers.class.getClassLoader();
        URL found = loader.getResource(name);
        if (found == null) {
            return false;
        }
        try {
            return "file".equals(found.getProtocol()) ? Files.isRegularFile(Path.of(found.toURI())) : loader.getResource(name + "/") == null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void allow(RoutingContext context, String methods) {
        context.response().setStatusCode(204).putHeader("Allow", AllowedMethods.header(methods)).end();
    }

    private static void notFound(RoutingContext context, Object error) {
        context.response().setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(Json.encode(error));
    }
}
