package dev.loopwise.demo;

import dev.loopwise.knowledge.KnowledgeArticle;
import dev.loopwise.knowledge.KnowledgeImports;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * The demo store's help-centre articles, so that a new support lead finds the knowledge base filled: searching it per
 * ticket, and the passages an LLM's drafts would be grounded in, show on the Knowledge page without a file of their own.
 * They are imported in the background after start (the encoder embeds them), and only while none of them is there, so
 * that an article an admin edited or deleted is left as it is.
 */
@ApplicationScoped
public class DemoKnowledge {
    private static final Logger LOG = Logger.getLogger(DemoKnowledge.class);
    static final String FILE = "knowledge.jsonl";
    /** Every demo article's id starts so; an article's key is its id with this prefix ({@code id:}). */
    static final String KEY_PREFIX = "id:fernhill-";

    @Inject
    DemoConfig config;
    @Inject
    KnowledgeImports imports;
    @Inject
    ManagedExecutor executor;

    void onStart(@Observes @Priority(210) StartupEvent event) {
        if (!config.enabled() || !config.knowledgeArticles()) {
            return;
        }
        executor.runAsync(this::importIfAbsent).exceptionally(e -> {
            LOG.warnf(e, "The demo's help-centre articles could not be imported; import them on the Knowledge page (%s)", FILE);
            return null;
        });
    }

    /** Imports the demo articles when none of them is in the knowledge base; returns whether it did. */
    boolean importIfAbsent() {
        long present = QuarkusTransaction.requiringNew().call(() -> KnowledgeArticle.count("key like ?1", KEY_PREFIX + "%"));
        if (present > 0) {
            return false;
        }
        KnowledgeImports.Submitted submitted = imports.submit(FILE, "application/jsonl", bytes(), null, "demo");
        LOG.infof("Demo knowledge base: %s", submitted.result() == null ? "importing in the background" : submitted.result().summary());
        return true;
    }

    private static byte[] bytes() {
        try (InputStream in = DemoKnowledge.class.getResourceAsStream("/demo/" + FILE)) {
            if (in == null) {
                throw new IllegalStateException("The demo file " + FILE + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
