package dev.loopwise.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.HttpMessages;
import dev.loopwise.common.Messages;
import dev.loopwise.common.text.PlainText;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Locale;

/**
 * JSON a client sends is read strictly, so that its mistakes get a 400 that names them instead of
 * being silently reinterpreted or reaching the database:
 * <ul>
 * <li>a number or boolean where text is expected ({@code {"text": 42}} would otherwise become "42"), text or a
 * fraction where a number is expected, anything but true and false where a boolean is;</li>
 * <li>a field the request does not take (a misspelling would otherwise be ignored), and anything after the value;</li>
 * <li>a key given twice (which value did the client mean?);</li>
 * <li>a NUL character in any text: PostgreSQL cannot store it, so it would fail the request half-way;</li>
 * <li>half of a surrogate pair ({@code "\ud800"} alone): it is no character at all, and the tokenizer and the
 * database would each mangle it differently;</li>
 * <li>a bidirectional embedding, override or isolate in any text but a password ({@link PlainText#firstDirectionControl}):
 * it would show the next reader another text than the one stored.</li>
 * </ul>
 */
@Singleton
public class JsonStrictness implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        // A quoted number, a fraction where a count goes, or 1 for true: the client's mistake, not a value to guess at.
        for (LogicalType numeric : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
            mapper.coercionConfigFor(numeric).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // A misspelt field would otherwise be dropped and the request done without it; a second value after the object
        // would be ignored.
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.registerModule(new SimpleModule("loopwise-text").addDeserializer(String.class, new NulFreeText()));
    }

    /** Whether PostgreSQL can store the text as it is: no NUL character, no half of a surrogate pair. */
    public static boolean storable(String text) {
        return text.indexOf('\u0000') < 0 && !PlainText.hasLoneSurrogate(text);
    }

    /** The same refusals for text read from a JSON tree rather than bound to a String. */
    public static void checkText(String field, String text) {
        if (text != null && text.indexOf('\u0000') >= 0) {
            throw ApiException.badRequest("invalid_text", Messages.nulInText(field));
        }
        if (text != null && PlainText.hasLoneSurrogate(text)) {
            throw ApiException.badRequest("invalid_text", Messages.loneSurrogateInText(field));
        }
        refuseDirectionControl(field, text);
    }

    /** One rule for every text a request carries, forms too ({@link dev.loopwise.common.http.FormFields}). */
    public static void refuseDirectionControl(String field, String text) {
        // A password is never shown to anyone, so nothing in it can mislead a reader; refusing it could lock someone out.
        String found = text == null || field != null && field.toLowerCase(Locale.ROOT).contains("password") ? null
                : PlainText.firstDirectionControl(text);
        if (found != null) {
            throw ApiException.badRequest("invalid_text", HttpMessages.directionControlInText(field, found));
        }
    }

    /** Jackson's own string reading, then a refusal of text PostgreSQL could not store. */
    static final class NulFreeText extends StdScalarDeserializer<String> {
        NulFreeText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && text.indexOf('\u0000') >= 0) {
                throw ApiException.badRequest("invalid_text", Messages.nulInText(parser.currentName()));
            }
            if (text != null && PlainText.hasLoneSurrogate(text)) {
                throw ApiException.badRequest("invalid_text", Messages.loneSurrogateInText(parser.currentName()));
            }
            refuseDirectionControl(parser.currentName(), text);
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }
}
