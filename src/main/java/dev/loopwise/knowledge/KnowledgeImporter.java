package dev.loopwise.knowledge;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.Counts;
import dev.loopwise.model.encoder.EncoderService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One imported file, all or nothing: read and checked whole, split into passages, embedded in batches (progress in
 * the log), then written in one transaction that replaces the articles imported before under the same id, url or title.
 */
@ApplicationScoped
public class KnowledgeImporter {
    private static final Logger LOG = Logger.getLogger(KnowledgeImporter.class);

    @Inject
    KnowledgeConfig config;
    @Inject
    KnowledgeIndex index;
    @Inject
    EncoderService encoders;
    @Inject
    KnowledgeStore store;

    /** What an import did, in numbers and in a sentence. */
    public record Result(int articles, int passages, int replaced, List<String> titles) {
        public String summary() {
            return "Imported " + Counts.of(articles, "article") + " as " + Counts.of(passages, "passage")
                    + (replaced > 0 ? " (" + replaced + " replaced an earlier import of the same article)" : "") + ".";
        }
    }

    /**
     * @param fileName    the file's name (its ending picks the format), or null to go by {@code contentType}
     * @param url         the article's address, for a Markdown or HTML file that does not say it itself
     */
    public Result importFile(String fileName, String contentType, byte[] bytes, String url, String user) {
        ArticleFiles.Format format = ArticleFiles.format(fileName, contentType);
        List<Article> articles = ArticleFiles.read(format, ArticleFiles.decode(bytes, fileName), fileName, url);
        List<List<Passages.Draft>> drafts = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Article article : articles) {
            List<Passages.Draft> split = Passages.split(article, config.passageChars(), config.overlapChars());
            drafts.add(split);
            split.forEach(d -> texts.add(d.embedded(article.title())));
        }
        if (texts.size() > config.maxPassagesPerFile()) {
            throw ApiException.badRequest("file_too_large", "Nothing was imported: the file splits into " + texts.size()
                    + " passages, more than the " + config.maxPassagesPerFile() + " one import may hold. Split it into smaller "
                    + "files (a JSONL export can be cut at any line) and import them one after another.");
        }
        float[][] flat = embed(texts, fileName);
        List<float[][]> vectors = new ArrayList<>();
        int next = 0;
        for (List<Passages.Draft> split : drafts) {
            float[][] own = new float[split.size()][];
            System.arraycopy(flat, next, own, 0, own.length);
            next += own.length;
            vectors.add(own);
        }
        KnowledgeStore.Stored stored = store.replace(articles, drafts, vectors, index.encoder().id(), user,
                fileName == null ? format.name().toLowerCase(java.util.Locale.ROOT) + " file" : fileName);
        return new Result(stored.articles(), stored.passages(), stored.replaced(), articles.stream().map(Article::title).toList());
    }

    private float[][] embed(List<String> texts, String fileName) {
        float[][] out = new float[texts.size()][];
        long start = System.nanoTime();
        for (int from = 0; from < texts.size(); from += config.encodeBatch()) {
            int to = Math.min(texts.size(), from + config.encodeBatch());
            float[][] batch = encoders.encode(index.encoder(), texts.subList(from, to));
            System.arraycopy(batch, 0, out, from, batch.length);
            if (texts.size() > config.encodeBatch()) {
                LOG.infof("Knowledge import %s: %d of %d passages embedded (%d s)", fileName == null ? "" : fileName, to, texts.size(),
                        (System.nanoTime() - start) / 1_000_000_000L);
            }
        }
        return out;
    }

    /** Deletes an article and its passages. */
    public void delete(long articleId, String user) {
        if (!store.delete(articleId, user)) {
            throw ApiException.notFound("There is no knowledge-base article " + articleId + ": it may have been deleted already.");
        }
    }
}
