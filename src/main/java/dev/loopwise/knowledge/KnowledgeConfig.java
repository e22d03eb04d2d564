package dev.loopwise.knowledge;

import dev.loopwise.common.StartMessages;
import dev.loopwise.common.config.DecimalRange;
import dev.loopwise.common.config.RefusedSetting;
import dev.loopwise.common.config.SettingRange;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
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
    @WithConverter(SettingRange.Count.class)
    int passageChars();

    /**
     * Characters a piece of a long paragraph repeats from the piece before, so a sentence cut at the edge is whole in one. At
     * most half the passage length ({@link #checkTogether}).
     */
    @WithDefault("80")
    @WithConverter(SettingRange.CountOrZero.class)
    int overlapChars();

    /**
     * Passages embedded per encoder call during an import. A background import reports progress and looks for a cancel
     * after each: 32 passages take about 2–3 s on 2 cores, and larger calls encode no faster.
     */
    @WithDefault("32")
    @WithConverter(SettingRange.Count.class)
    int encodeBatch();

    /**
     * A file of at most this many passages is imported while its request waits (about 10 s at the slowest measured
     * pace); a larger one is imported in the background, with progress and a cancel button, and its request answers at once.
     */
    @WithDefault("100")
    @WithConverter(SettingRange.CountOrZero.class)
    int inRequestPassages();

    /**
     * A file that splits into more passages is refused (split it; each file replaces only its own articles): about
     * 25 minutes of background embedding at 12–15 passages a second (bge-small-en-v1.5, 500-character passages, 2
     * busy cores, BENCHMARKS.md), and a file of at most the 10 MB a request may carry.
     */
    @WithDefault("20000")
    @WithConverter(SettingRange.Count.class)
    int maxPassagesPerFile();

    /**
     * Passages scoring below this (cosine similarity, -1..1) are not handed out as grounding. Unset, each encoder's own
     * measured value applies ({@code EncoderCatalogue.Entry#relatedFrom}: 0.30 for all-MiniLM-L6-v2, 0.65 for
     * bge-small-en-v1.5, whose unrelated texts already score about 0.57).
     */
    Optional<@WithConverter(DecimalRange.Cosine.class) Double> minScore();

    /**
     * A piece ends at a sentence end or a space in the second half of its window ({@code Passages}), so it may be little
     * more than half a passage long: an overlap near the passage length then started the next piece one word later, and a
     * 10,000-character paragraph became about 1,400 passages at 499 of 500, each embedded (about 28 at the default 80, 55 at 250).
     * Checked when Loopwise starts ({@link KnowledgeSettingsCheck}); {@code overlapSet} says whether the operator wrote the
     * overlap, so that a refusal names the variable they did write.
     */
    default void checkTogether(boolean overlapSet) {
        if (overlapChars() > passageChars() / 2) {
            if (overlapSet) {
                throw new RefusedSetting(OVERLAP, overlapChars(), StartMessages.overlapAtMostHalf(passageChars(), overlapChars()));
            }
            throw new RefusedSetting("loopwise.knowledge.passage-chars", passageChars(),
                    StartMessages.passageTwiceTheDefaultOverlap(passageChars(), overlapChars()));
        }
    }

    String OVERLAP = "loopwise.knowledge.overlap-chars";
}
