package dev.loopwise.knowledge;

/**
 * Whether the workspace's LLM writes drafts now, asked by the Knowledge page to say where the passages it finds go. The
 * LLM's settings implement it: they already read the knowledge base, and this way round no package depends on the other twice.
 */
public interface DraftWriter {
    boolean writesDrafts();
}
