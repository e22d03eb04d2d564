package dev.loopwise.model.encoder;

import dev.loopwise.model.transformer.Pooling;
import java.util.Iterator;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --encoder NAME|DIR} and {@code --pooling}, shared by every command that encodes text. */
public class EncoderOptions {
    @Option(names = "--encoder", paramLabel = "NAME|DIR", completionCandidates = Names.class, description = "Encoder: "
            + "${COMPLETION-CANDIDATES}, or a folder with model.onnx and tokenizer.json "
            + "(default: LOOPWISE_MODEL_ENCODER_NAME, else " + EncoderCatalogue.DEFAULT_NAME + ").")
    String encoder;

    @Option(names = "--pooling", paramLabel = "mean|cls", description = "Pool token vectors this way instead of as the encoder was trained.")
    String pooling;

    static class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return EncoderCatalogue.names().iterator();
        }
    }

    /** Refuses an unknown encoder or pooling before the command reads its files, which may take a while. */
    public void check() {
        // Without --encoder the command encodes with the workspace's one, which must be checked as early.
        if (encoder != null) {
            EncoderSpec.requireKnown(encoder, "--encoder");
        } else {
            EncoderSpec.requireKnown(EncoderSettings.workspaceEncoder(), EncoderSettings.workspaceEncoderVariable());
        }
        if (pooling != null) {
            Pooling.parse(pooling);
        }
    }

    public CliEncoder open(boolean cached, int callSize) {
        return CliEncoder.open(encoder, Optional.ofNullable(pooling).map(Pooling::parse), cached, callSize);
    }

    public CliEncoder open() {
        return open(true, 32);
    }
}
