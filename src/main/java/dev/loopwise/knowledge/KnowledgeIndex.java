package dev.loopwise.knowledge;

import dev.loopwise.model.encoder.EncoderRef;
import dev.loopwise.model.encoder.EncoderService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Exact nearest passages, in process: every passage vector of the workspace encoder in one float matrix per
 * instance, loaded on first use, after this instance's own imports, and in the background when the knowledge
 * generation moved elsewhere (one single-row read per search tells).
 * Vectors are L2-normalised, so a dot product is the cosine similarity; a search scans the whole matrix, which stays
 * fast to about a million passages (see the README for where it stops and what then).
 */
@ApplicationScoped
class KnowledgeIndex {
    private static final Logger LOG = Logger.getLogger(KnowledgeIndex.class);
    private static final int REEMBED_BATCH = 256;

    @Inject
    KnowledgeStore store;
    @Inject
    KnowledgeReader reader;
    @Inject
    EncoderService encoders;

    private static final KnowledgeReader.Vectors NOTHING = new KnowledgeReader.Vectors(-1, new long[0], new float[0], 0);
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "knowledge-refresh");
        thread.setDaemon(true);
        return thread;
    });

    /** The loaded matrix and its encoder; replaced whole, never changed in place, so searches read it without a lock. */
    private volatile Loaded loaded;
    /** Held by the one refresh embedding stale passages again; others load what is there meanwhile instead of waiting. */
    private final ReentrantLock reembedding = new ReentrantLock();

    private record Loaded(KnowledgeReader.Vectors vectors, String encoder) {
    }

    record Hit(long id, double score) {
    }

    /** The encoder passages and tickets are embedded with: the workspace's, as new model versions are. */
    EncoderRef encoder() {
        return encoders.workspaceEncoder();
    }

    /** The {@code limit} passages closest to each ticket, best first, whatever their scores. */
    List<List<Hit>> nearest(List<String> tickets, int limit) {
        return nearest(tickets, limit, null);
    }

    /**
     * As {@link #nearest(List, int)}; {@code known} (when not null) holds the tickets' vectors already made with
     * this index's encoder, which a served ticket has: encoding it a second time would add to every drafted answer.
     */
    List<List<Hit>> nearest(List<String> tickets, int limit, float[][] known) {
        return nearest(tickets, limit, known, false);
    }

    /** As {@link #nearest(List, int)} for bulk work: the encoding gives way to served answers. */
    List<List<Hit>> nearestInBackground(List<String> tickets, int limit) {
        return nearest(tickets, limit, null, true);
    }

    private List<List<Hit>> nearest(List<String> tickets, int limit, float[][] known, boolean background) {
        KnowledgeReader.Vectors vectors = current();
        List<List<Hit>> out = new ArrayList<>();
        if (vectors.ids().length == 0 || limit <= 0 || tickets.isEmpty()) {
            tickets.forEach(t -> out.add(List.of()));
            return out;
        }
        float[][] queries = known != null ? known
                : background ? encoders.encodeInBackground(encoder(), tickets) : encoders.encode(encoder(), tickets);
        for (float[] query : queries) {
            out.add(VectorScan.top(vectors, VectorScan.normalised(query), limit));
        }
        return out;
    }

    /** Texts and titles of the hits, dropping any deleted since the matrix was loaded. */
    List<Passage> passages(List<Hit> hits) {
        Map<Long, KnowledgeReader.Shown> shown = reader.shown(hits.stream().map(Hit::id).toList());
        List<Passage> out = new ArrayList<>();
        for (Hit hit : hits) {
            KnowledgeReader.Shown s = shown.get(hit.id());
            if (s != null) {
                out.add(new Passage(s.id(), s.title(), s.url(), s.text(), hit.score()));
            }
        }
        return out;
    }

    int size() {
        return current().ids().length;
    }

    /**
     * The matrix searches read. A search never waits for the knowledge base to load, except the very first one of an
     * instance: after another instance's import (the generation moved) it reads the matrix already loaded while a
     * background thread loads the new one, and after a change of encoder it finds nothing (or, once a refresh ran
     * meanwhile, the passages embedded again so far) until the passages are embedded again (minutes for a large base),
     * rather than holding a customer's request for that long.
     */
    private KnowledgeReader.Vectors current() {
        String encoderId = encoder().id();
        Loaded known = loaded;
        if (known != null && encoderId.equals(known.encoder())) {
            if (known.vectors().generation() != reader.generation()) {
                refreshLater();
            }
            return known.vectors();
        }
        if (known == null && !reader.anyStale(encoderId)) {
            return refreshNow();
        }
        refreshLater();
        return NOTHING;
    }

    /**
     * Loads the current generation here and now: an import or a deletion sees its own change when it returns. Passages
     * are embedded again outside the lock (minutes for a large base, which would hold every other refresh, and the first
     * search, as long); the read and the swap are locked, so refreshes asked for together load the matrix once.
     */
    KnowledgeReader.Vectors refreshNow() {
        String encoderId = encoder().id();
        KnowledgeReader.Vectors known = upToDate(encoderId);
        if (known != null) {
            return known;
        }
        // Its own transactions: a caller's (an export's) must not hold the streamed read or the re-embedding.
        QuarkusTransaction.suspendingExisting().run(() -> reembedStale(encoderId));
        synchronized (this) {
            known = upToDate(encoderId);
            if (known != null) {
                return known;
            }
            KnowledgeReader.Vectors fresh = QuarkusTransaction.suspendingExisting().call(() -> {
                long start = System.nanoTime();
                KnowledgeReader.Vectors v = reader.vectors(encoderId);
                LOG.infof("Knowledge base loaded: %d passages of %d dimensions in %d ms", v.ids().length, v.dimension(),
                        (System.nanoTime() - start) / 1_000_000);
                return v;
            });
            return swapIn(VectorScan.normalisedRows(fresh), encoderId);
        }
    }

    /** The loaded matrix if it is this encoder's and of the generation stored now, else null. */
    private KnowledgeReader.Vectors upToDate(String encoderId) {
        Loaded known = loaded;
        return known != null && encoderId.equals(known.encoder()) && known.vectors().generation() == reader.generation()
                ? known.vectors() : null;
    }

    /**
     * Swaps {@code fresh} in, unless what is loaded is as new (the same encoder, a generation as late) or {@code fresh} was
     * made with an encoder no longer chosen: a refresh that read before another and swaps after it leaves the newer.
     */
    private synchronized KnowledgeReader.Vectors swapIn(KnowledgeReader.Vectors fresh, String encoderId) {
        Loaded known = loaded;
        boolean keep = known != null && (known.encoder().equals(encoderId) ? known.vectors().generation() >= fresh.generation()
                : !encoderId.equals(encoder().id()));
        if (!keep) {
            loaded = new Loaded(fresh, encoderId);
        }
        return loaded.vectors();
    }

    private void refreshLater() {
        if (refreshQueued.compareAndSet(false, true)) {
            refresher.execute(() -> {
                refreshQueued.set(false);
                try {
                    refreshNow();
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Could not load the knowledge base; searches use the passages loaded before");
                }
            });
        }
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }

    /**
     * After a change of workspace encoder: passages stored with another encoder's vectors get this one's. One refresh at a
     * time does it; another arriving meanwhile loads the passages embedded so far, and the first swaps in the whole set.
     */
    private void reembedStale(String encoderId) {
        if (!reader.anyStale(encoderId) || !reembedding.tryLock()) {
            return;
        }
        try {
            reembedAll(encoderId);
        } finally {
            reembedding.unlock();
        }
    }

    private void reembedAll(String encoderId) {
        int done = 0;
        for (List<KnowledgeReader.Stale> batch = reader.stale(encoderId, 0, REEMBED_BATCH); !batch.isEmpty();
             batch = reader.stale(encoderId, batch.get(batch.size() - 1).id(), REEMBED_BATCH)) {
            List<String> texts = batch.stream().map(p -> new Passages.Draft(p.heading(), p.text()).embedded(p.title())).toList();
            store.reembedded(batch, encoders.encodeInBackground(encoder(), texts), encoderId);
            done += batch.size();
            LOG.infof("Knowledge base: %d passages embedded again with %s", done, encoderId);
        }
    }
}
