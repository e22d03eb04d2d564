package dev.loopwise.model.transformer.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.encoder.EncoderSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A process that exits while ONNX Runtime sessions are being created stops cleanly. Exiting runs ONNX Runtime's own
 * shutdown hook beside everyone else's; before the environment was kept alive, every such exit died with SIGSEGV
 * (exit code 134 and an hs_err file), which is what a Ctrl-C during a background training did to the service. The
 * child stops as the service does: its own hook lets the native work in progress finish (the service's encoders wait
 * for their last calls) while ONNX Runtime's hook runs beside it. Native code still running after every hook has
 * returned would meet the library's static destructors, which nothing in the process can hold back.
 */
class OnnxStopTest {

    @Test
    void exitingWhileSessionsAreCreatedEndsWithoutACrash() throws Exception {
        Path errors = Files.createTempDirectory("loopwise-onnx-exit");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-XX:ErrorFile=" + errors.resolve("hs_err_%p.log"), "-cp",
                System.getProperty("java.class.path"), SessionsAtExit.class.getName()).redirectErrorStream(true).start();
        boolean ended = child.waitFor(120, TimeUnit.SECONDS);
        String output = new String(child.getInputStream().readAllBytes());
        if (!ended) {
            child.destroyForcibly();
        }
        assertTrue(ended, "the child did not exit: " + output);
        assertTrue(output.contains("sessions created: "), "the child never got to create sessions: " + output);
        try (Stream<Path> crashes = Files.list(errors)) {
            List<Path> files = crashes.toList();
            assertEquals(List.of(), files, "crash files: " + output);
        }
        assertEquals(0, child.exitValue(), output);
    }

    /** Two threads create and close sessions without pause; the main thread exits in the middle of that. */
    public static final class SessionsAtExit {
        private static volatile boolean stopping;

        public static void main(String[] args) throws Exception {
            Path onnx = EncoderSpec.resolve("all-MiniLM-L6-v2", Optional.empty(), 128, Path.of("target/encoder-cache"))
                    .files().model();
            int[] created = new int[1];
            List<Thread> creators = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Thread creator = new Thread(() -> {
                    while (!stopping) {
                        new OnnxEncoderSession(onnx, Map.of(), 1).close();
                        synchronized (created) {
                            created[0]++;
                        }
                    }
                });
                creator.setDaemon(true);
                creator.start();
                creators.add(creator);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopping = true;
                for (Thread creator : creators) {
                    try {
                        creator.join(30_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }));
            while (true) {
                Thread.sleep(50);
                synchronized (created) {
                    if (created[0] >= 4) {
                        System.out.println("sessions created: " + created[0]);
                        System.out.flush();
                        break;
                    }
                }
            }
            Thread.sleep(137);
            System.exit(0);
        }
    }
}
