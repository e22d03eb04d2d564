package dev.loopwise.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.ConversionMessages;
import dev.loopwise.common.HttpMessages;
import dev.loopwise.common.LlmMessages;
import dev.loopwise.common.Messages;
import dev.loopwise.common.json.JsonLines;
import dev.loopwise.common.text.PlainText;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * The one place where failures become responses: {@link ApiError} JSON for API clients, an HTML page
 * (or the login page) for browsers, and never a stack trace for anyone.
 */
public class ErrorMapper {
    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);
    public static final String SESSION_COOKIE = "loopwise-session";
    static final String RETURN_TO_COOKIE = "loopwise-return-to";
    static final String LOGIN_POST_PATH = "/j_security_check";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String heading, String message, boolean knownWho,
                                             ErrorPage.Back back);
    }

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri, HttpHeaders headers) {
        return RetryAdvice.on(respond(e.status, e.code, e.getMessage(), e.param, uri, headers), e.shouldRetry, e.retryAfterSeconds);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        String message = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(ErrorMapper::describe)
                .collect(Collectors.joining("; "));
        return respond(Status.BAD_REQUEST, "validation_failed", message, uri, headers);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        // A refusal raised while reading a value (JsonStrictness) arrives wrapped by Jackson.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException refusal) {
                return api(refusal, uri, headers);
            }
        }
        String mistake = JsonMistakes.describeValue(e);
        if (mistake != null) {
            return respond(Status.BAD_REQUEST, "malformed_json", mistake, uri, headers);
        }
        String detail = JsonLines.problem(e);
        var where = e.getLocation();
        return respond(Status.BAD_REQUEST, "malformed_json", Messages.malformedJson(detail,
                where == null ? -1 : where.getLineNr(), where == null ? -1 : where.getColumnNr()), uri, headers);
    }

    /** Quarkus maps this subclass on its own (with an empty body); ours must be at least as specific. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        String described = e.getCause() instanceof ApiException ? null : JsonMistakes.describe(e);
        if (described != null) {
            return respond(Status.BAD_REQUEST, "malformed_json", described, uri, headers); // the code clients already handle
        }
        return malformedJson(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return SignInAnswer.of(Messages.UNAUTHENTICATED, uri, headers);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        if (PoolExhaustion.in(e)) { // the account could not be looked up: a busy moment, not a wrong key or an ended session
            return internal(e, uri, headers);
        }
        // Quarkus' form login answers every path that ends in its post location, not only the canonical one.
        if (uri.getPath().endsWith(LOGIN_POST_PATH)) {
            return Response.seeOther(URI.create("/login?error=true")).build();
        }
        return SignInAnswer.of(Messages.BAD_API_KEY, uri, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers,
                              SimpleResourceInfo resource) {
        return respond(Status.FORBIDDEN, "forbidden", Messages.forbidden(RouteRules.required(resource, uri.getPath())), uri, headers);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, HttpHeaders headers, Request request) {
        // JAX-RS answers 404 when a value in the address does not convert ("abc" for a page number or an id); the
        // address exists, so the client's mistake is that value — unless the "value" is a word of an address that takes
        // other methods (GET /api/v1/models/train), where the mistake is the method.
        if (e.getCause() instanceof IllegalArgumentException) {
            String allowed = AllowedMethods.ofNamedAddress(uri.getPath(), request.getMethod());
            return allowed != null ? methodNotAllowed(allowed, uri, headers)
                    : respond(Status.BAD_REQUEST, "bad_parameter", e.getCause() instanceof ParameterValueError named
                            ? ConversionMessages.badAddressValue(named, named.name, named.inPath, named.largest)
                            : ConversionMessages.badAddressValue(e.getCause()), uri, headers);
        }
        String message = RequestKind.isOpenAi(uri) ? LlmMessages.openAiAddressUnknown(PlainText.quoted(uri.getPath())) : Messages.NOT_FOUND;
        return respond(Status.NOT_FOUND, "not_found", message, uri, headers);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri, HttpHeaders headers, Request request) {
        // A 405 names the methods the address does take (RFC 9110, 15.5.6), in the header and in the sentence.
        String named = e.getResponse() == null ? null : e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        String allowed = AllowedMethods.withoutOptions(named != null && !named.isBlank() ? named : AllowedMethods.of(uri.getPath()));
        // A browser that opened a form's address (from its history) meant no method at all: say what the address is for.
        if (request.getMethod().equals("GET") && allowed != null && !allowed.contains("GET") && RequestKind.wantsHtml(uri, headers)) {
            Response response = respond(Status.METHOD_NOT_ALLOWED, "method_not_allowed", HttpMessages.FORM_ADDRESS_OPENED, uri, headers);
            return Response.fromResponse(response).header(HttpHeaders.ALLOW, AllowedMethods.header(allowed)).build();
        }
        return methodNotAllowed(allowed, uri, headers);
    }

    private static Response methodNotAllowed(String allowed, UriInfo uri, HttpHeaders headers) {
        Response response = respond(Status.METHOD_NOT_ALLOWED, "method_not_allowed", Messages.methodNotAllowed(allowed), uri, headers);
        return allowed == null ? response : Response.fromResponse(response).header(HttpHeaders.ALLOW, AllowedMethods.header(allowed)).build();
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e, UriInfo uri, HttpHeaders headers) {
        String sent = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        String expected = Messages.bodyTypesFor(uri.getPath(), sent);
        return respond(Status.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                Messages.unsupportedMediaType(sent, expected), uri, headers);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, uri, headers);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri, headers);
        }
        // A form field that does not convert ("0,5" or "abc" for a number): say which value, and how to write it.
        if (status == Status.BAD_REQUEST.getStatusCode() && e.getCause() instanceof IllegalArgumentException conversion) {
            return respond(Status.BAD_REQUEST, "bad_parameter", ConversionMessages.badFormValue(conversion), uri, headers);
        }
        if (status == Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode()) {
            // Only the form reader throws this; whole bodies over the limit are refused earlier (PayloadLimit). The API takes
            // no forms at all, so an API call that sent one (curl's default for --data) is told what to send instead, as a
            // shorter form is, not to shorten "a reply, a description or a note" it never meant to send.
            if (uri.getPath().startsWith("/api/")) {
                return respond(Status.BAD_REQUEST, "form_not_accepted", Messages.apiTakesNoForms(uri.getPath()), uri, headers);
            }
            return respond(Status.REQUEST_ENTITY_TOO_LARGE, "payload_too_large", Messages.FORM_FIELD_TOO_LARGE, uri, headers);
        }
        if (status == Status.NOT_ACCEPTABLE.getStatusCode()) {
            return respond(Status.NOT_ACCEPTABLE, "not_acceptable", Messages.NOT_ACCEPTABLE, uri, headers);
        }
        String message = e.getMessage() == null || e.getMessage().startsWith("HTTP ")
                ? Status.fromStatusCode(status).getReasonPhrase() : e.getMessage();
        return respond(Status.fromStatusCode(status), "bad_request", message, uri, headers);
    }

    @ServerExceptionMapper
    public Response internal(Throwable e, UriInfo uri, HttpHeaders headers) {
        Response database = DatabaseFaults.answer(e, uri, headers);
        if (database != null) {
            return database;
        }
        if (FormFields.failedReading(e)) {
            return respond(Status.BAD_REQUEST, "malformed_form", Messages.malformedForm(uri.getPath()), uri, headers);
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unhandled error %s on %s", reference, uri.getPath());
        // Not a state that passes by itself: asked again as it was, the request most likely meets the same fault, and a change
        // may have been saved before it (the message asks to look first), so clients that retry every 5xx are told not to.
        Response response = respond(Status.INTERNAL_SERVER_ERROR, "internal_error", String.format(Messages.INTERNAL, reference), uri, headers);
        return RetryAdvice.on(response, false, 0);
    }

    static Response respond(Status status, String code, String rawMessage, UriInfo uri, HttpHeaders headers) {
        return respond(status, code, rawMessage, null, uri, headers);
    }

    private static Response respond(Status status, String code, String rawMessage, String param, UriInfo uri, HttpHeaders headers) {
        String message = QuotedValues.abbreviated(rawMessage);
        if (RequestKind.wantsHtml(uri, headers)) {
            return Response.status(status).type(ErrorPage.TYPE)
                    .entity(ErrorPage.inRequest(status.getStatusCode(), status.getReasonPhrase(), message)).build();
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body(status, code, message, param, uri)).build();
    }

    /** Our {code, error} everywhere but on the OpenAI-compatible paths, where SDKs expect OpenAI's own shape. */
    static Object body(Status status, String code, String message, String param, UriInfo uri) {
        return RequestKind.isOpenAi(uri) ? OpenAiError.of(status.getStatusCode(), code, message, param) : new ApiError(code, message);
    }

    private static String describe(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // "create.request.name" → "name": the method and parameter names mean nothing to a client.
        int dot = path.lastIndexOf('.');
        String field = dot >= 0 ? path.substring(dot + 1) : path;
        if (path.split("\\.").length <= 2 && violation.getMessage().equals("must not be null")) {
            return Messages.BODY_REQUIRED;
        }
        return field + " " + violation.getMessage();
    }
}
