package dev.loopwise.common.http;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * A value in the address that did not convert, with the parameter it was given for: the framework's own failure knows
 * only the value, and a refusal that quotes "abc" without saying whether it was the id in the path or expectedActive
 * leaves the client to guess which one to fix. The message stays the framework's ("For input string: ..."), which
 * {@link dev.loopwise.common.ConversionMessages} reads the value from.
 */
final class ParameterValueError extends IllegalArgumentException {
    /** The parameter's name, or null where its annotation leaves it to the Java parameter's name. */
    final String name;
    final boolean inPath;
    /** The largest value the parameter's type holds, which a refusal of a number past it names. */
    final long largest;

    private ParameterValueError(IllegalArgumentException failure, String name, boolean inPath, long largest) {
        super(failure.getMessage(), failure);
        this.name = name;
        this.inPath = inPath;
        this.largest = largest;
    }

    static IllegalArgumentException of(IllegalArgumentException failure, Annotation[] annotations, long largest) {
        for (Annotation annotation : annotations == null ? new Annotation[0] : annotations) {
            String name = annotation instanceof PathParam p ? p.value() : annotation instanceof RestPath p ? p.value()
                    : annotation instanceof QueryParam q ? q.value() : annotation instanceof RestQuery q ? q.value() : null;
            if (name != null && !name.isEmpty()) {
                return new ParameterValueError(failure, name, annotation instanceof PathParam || annotation instanceof RestPath, largest);
            }
        }
        // Unnamed (@RestQuery alone names it after the Java parameter): the refusal can still name the limit.
        return largest > 0 ? new ParameterValueError(failure, null, false, largest) : failure;
    }
}
