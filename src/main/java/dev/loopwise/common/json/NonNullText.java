package dev.loopwise.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.Messages;
import java.io.IOException;

/**
 * A text field that may be left out but not sent as null: {@code {"text": null}} is a client that meant to send text and
 * sent none, and is told the field must be a string rather than that it is missing, which it is not. Read otherwise as
 * every string is ({@link JsonStrictness}).
 */
public final class NonNullText extends StdScalarDeserializer<String> {
    private static final JsonStrictness.NulFreeText TEXT = new JsonStrictness.NulFreeText();

    public NonNullText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return TEXT.deserialize(parser, context);
    }

    @Override
    public String getNullValue(DeserializationContext context) {
        String field;
        try {
            field = context.getParser() == null ? null : context.getParser().currentName();
        } catch (IOException e) {
            field = null;
        }
        throw ApiException.badRequest("validation_failed", Messages.nullText(field));
    }

    @Override
    public Object getAbsentValue(DeserializationContext context) {
        return null;
    }
}
