package dev.loopwise.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A progress line on stderr for long command-line work (stdout stays clean for results). */
public final class Progress {
    private final boolean quietStdout;

    public Progress(boolean quietStdout) {
        this.quietStdout = quietStdout;
    }

    public void line(String message) {
        System.err.println(message);
    }

    private String lastStep = "";

    /** Redraws one status line: what runs now and how far the whole job is. */
    public void step(String message, double done) {
        String text = String.format("\r%-70s %3d%%", message, Math.round(done * 100));
        if (!text.equals(lastStep)) {
            System.err.print(text);
            lastStep = text;
        }
    }

    /** Ends the status line {@link #step} drew. */
    public void done() {
        if (!lastStep.isEmpty()) {
            System.err.println();
            lastStep = "";
        }
    }

    /** Encodes in chunks, redrawing "Encoding n/N texts (p%)" as it goes. */
    public float[][] encode(Function<List<String>, float[][]> encoder, List<String> texts) {
        float[][] out = new float[texts.size()][];
        int chunk = 2048;
        long start = System.nanoTime();
        for (int from = 0; from < texts.size(); from += chunk) {
            int to = Math.min(texts.size(), from + chunk);
            float[][] part = encoder.apply(new ArrayList<>(texts.subList(from, to)));
            System.arraycopy(part, 0, out, from, part.length);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.err.printf("\rEncoding %,d/%,d texts (%d%%, %.0f texts/s)", to, texts.size(), 100 * to / texts.size(),
                    to / Math.max(seconds, 1e-9));
        }
        System.err.println();
        return out;
    }
}
