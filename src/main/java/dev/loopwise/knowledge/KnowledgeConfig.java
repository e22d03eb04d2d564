package dev.loopwise.knowledge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Settings of the knowledge base ({@code LOOPWISE_KNOWLEDGE_PASSAGE_CHARS}, ...). */
@ConfigMapping(prefix = "loopwise.knowledge")
public interface KnowledgeConfig {
    /**
     * Longest passage, in characters. About 110 English tokens: with the article title and heading put in front it
     * stays within the 128 tokens the encoder reads, so no passage is embedded only in part.
     */
    @WithDefault("500")
    int passageChars();

    /** Characters a piece of a long paragraph repeats from the piece before, so a sentence cut at the edge is whole in one. */
    @WithDefault("80")
    int overlapChars();

    /** Passages embedded per encoder call during an import; progress is logged after each. */
    @WithDefault("256")
    int encodeBatch();

    /**
     * A file that splits into more passages is refused (split it; each file replaces only its own articles): keeps one
     * import, which embeds while the request waits, within a few minutes on 2 cores: bge-small-en-v1.5 embeds
     * 500-character passages at 12–15 a second on 2 busy cores (BENCHMARKS.md).
     */
    @WithDefault("2000")
    int maxPassagesPerFile();

    /**
     * Passages scoring below this (cosine similarity, -1..1) are not handed out as grounding. Unset, each encoder's own
     * measured value applies ({@code EncoderCatalogue.Entry#relatedFrom}: 0.30 for all-MiniLM-L6-v2, 0.65 for
     * bge-small-en-v1.5, whose unrelated texts already score about 0.57).
     */
    Optional<Double> minScore();
}
