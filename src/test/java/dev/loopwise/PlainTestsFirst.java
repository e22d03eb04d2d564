package dev.loopwise;

import io.quarkus.test.config.QuarkusClassOrderer;
import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs the plain tests (the ML trainers, the simulations) before the first {@code @QuarkusTest} starts the service in
 * the test JVM, keeping Quarkus' own order among its tests. Once started, the service lives until the JVM ends and its
 * background jobs may still be training; a plain test training at the same time would be a second training in one
 * process, which PyTorch under DJL does not take (one gradient collector per process; a crash in native code, not an
 * exception, when they overlap).
 */
public class PlainTestsFirst implements ClassOrderer {
    private final ClassOrderer quarkus = new QuarkusClassOrderer();

    @Override
    public void orderClasses(ClassOrdererContext context) {
        quarkus.orderClasses(context);
        // List.sort is stable: each group keeps the order Quarkus gave it.
        context.getClassDescriptors().sort(Comparator.comparingInt(descriptor -> startsTheService(descriptor) ? 1 : 0));
    }

    private static boolean startsTheService(ClassDescriptor descriptor) {
        // By name: Quarkus may load the test class, and so its annotations, in a class loader of its own.
        return Arrays.stream(descriptor.getTestClass().getAnnotations())
                .anyMatch(annotation -> annotation.annotationType().getName().startsWith("io.quarkus.test.junit.QuarkusTest"));
    }
}
