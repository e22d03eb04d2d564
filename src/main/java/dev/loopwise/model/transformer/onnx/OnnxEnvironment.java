package dev.loopwise.model.transformer.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtLoggingLevel;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import org.jboss.logging.Logger;

/**
 * ONNX Runtime's process-wide environment, kept alive until the process is gone.
 *
 * <p>ONNX Runtime's Java binding releases its native environment from a JVM shutdown hook. Hooks run side by side,
 * so the release happens while the service is still stopping: a session being created or run at that moment (a
 * background training's encoding at Ctrl-C, a stop during the demo's first training) then reads freed memory and
 * the JVM dies with SIGSEGV and an {@code hs_err} file instead of stopping. The native environment is reference
 * counted, so taking one more reference here turns the hook's release into a decrement, and the environment lives
 * until the operating system reclaims the process. The binding exposes no public way to do that, hence the
 * reflection; should a later binding change those internals, the service still works and only the old risk at stop
 * returns (logged once).
 */
public final class OnnxEnvironment {
    private static final Logger LOG = Logger.getLogger(OnnxEnvironment.class);
    private static final OrtEnvironment SHARED = pinned(OrtEnvironment.getEnvironment());

    private OnnxEnvironment() {
    }

    /** The environment every session of the process is created in. */
    public static OrtEnvironment shared() {
        return SHARED;
    }

    private static OrtEnvironment pinned(OrtEnvironment environment) {
        try {
            Field api = Class.forName("ai.onnxruntime.OnnxRuntime").getDeclaredField("ortApiHandle");
            api.setAccessible(true);
            Method create = OrtEnvironment.class.getDeclaredMethod("createHandle", long.class, int.class, String.class);
            create.setAccessible(true);
            create.invoke(null, api.getLong(null), OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING.getValue(), "loopwise");
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("Could not keep ONNX Runtime's environment alive through the stop (%s): stopping while an encoder "
                    + "loads may crash the process", e);
        }
        return environment;
    }
}
