package dev.loopwise.common.http;

import dev.loopwise.common.text.WholeNumbers;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;

/**
 * Reads every id, count and page number in a path, a query or a form by {@link WholeNumbers}' plain rule instead of the
 * framework's ({@link Long#valueOf}), which takes other scripts' digits, a sign and leading zeros ("+1", "01" as 1). A
 * value that fails still reaches the mappers as the framework's own failure would (a 400 that quotes it), carrying the
 * name of the address's parameter it was given for, so that the refusal can say which one to fix.
 */
@Provider
public class WholeNumberParams implements ParamConverterProvider {
    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new Whole<>(WholeNumbers::parsePlainLong, annotations, Long.MAX_VALUE);
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Whole<>(WholeNumbers::parsePlainInt, annotations, Integer.MAX_VALUE);
        }
        return null;
    }

    private record Whole<N extends Number>(Function<String, N> parse, Annotation[] annotations, long largest) implements ParamConverter<N> {
        @Override
        public N fromString(String value) {
            try {
                return value == null ? null : parse.apply(value);
            } catch (IllegalArgumentException e) {
                throw ParameterValueError.of(e, annotations, largest);
            }
        }

        @Override
        public String toString(N value) {
            return value == null ? null : value.toString();
        }
    }
}
