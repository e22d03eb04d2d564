package dev.loopwise.knowledge;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.KnowledgeFileMessages;
import dev.loopwise.common.KnowledgeMessages;
import dev.loopwise.common.text.Counts;
import dev.loopwise.common.text.PlainText;
import dev.loopwise.model.encoder.EncoderService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * One imported file, all or nothing: read and checked whole, split into passages, embedded in batches, then written in
 * one transaction that replaces the articles imported before under the same id, url or title. A small file is imported
 * while its request waits; a large one in the background ({@link KnowledgeImports}), with progress and cancel.
 */
@ApplicationScoped
public class KnowledgeImporter {
    private static final Logger LOG = Logger.getLogger(KnowledgeImporter.class);
    static final int MAX_FILE_NAME = 255;

    @Inject
    KnowledgeConfig config;
    @Inject
    KnowledgeIndex index;
    @Inject
    EncoderService encoders;
    @Inject
    KnowledgeStore store;

    /** What an import did, in numbers and in a sentence. */
    @Schema(name = "ImportedArticles", description = "What the knowledge import did")
    public record Result(@Schema(description = "Articles imported") int articles,
                         @Schema(description = "Passages they were split into") int passages,
                         @Schema(description = "Of the articles, those that replaced an earlier import of the same article") int replaced,
                         @Schema(description = "The imported articles' titles") List<String> titles,
                         @Schema(description = "Their ids, in the same order: GET /api/v1/knowledge/articles/{id} reads each")
                         List<Long> articleIds,
                         @Schema(description = "Imported titles another article, under another id or address, has too") List<String> sharedTitles,
                         @Schema(description = "Titles of the imported articles whose file gave an address no browser can open as a"
                                 + " link (not http:// or https://, no site, a port that is no number): imported without it")
                         List<String> addressesLeftOut,
                         @Schema(description = "What the import did, in words, as the knowledge page shows it") String summary) {

        static Result of(int articles, int passages, int replaced, List<String> titles, List<Long> articleIds, List<String> sharedTitles,
                         List<String> addressesLeftOut) {
            return new Result(articles, passages, replaced, titles, articleIds, sharedTitles, addressesLeftOut, sentence(articles, passages, replaced,
                    sharedTitles.stream().limit(KnowledgeFileMessages.SHARED_TITLES_NAMED).toList(),
                    Math.max(0, sharedTitles.size() - KnowledgeFileMessages.SHARED_TITLES_NAMED), addressesLeftOut.size(),
                    addressesLeftOut.stream().limit(KnowledgeMessages.LEFT_OUT_TITLES_NAMED).toList()));
        }

        /** The sentence, from the numbers and the titles it names: what the page reads back from its address. */
        static String sentence(int articles, int passages, int replaced, List<String> namedShared, int moreShared, int leftOut,
                               List<String> namedLeftOut) {
            String replacing = replaced == 0 ? "" : replaced == 1 && articles == 1 ? " (it replaced an earlier import of the same article)"
                    : replaced == 1 ? " (one of them replaced an earlier import of the same article)"
                    : String.format(Locale.ROOT, " (%,d of them replaced earlier imports of the same articles)", replaced);
            return "Imported " + Counts.of(articles, "article") + " as " + Counts.of(passages, "passage") + replacing + "."
                    + KnowledgeMessages.addressesLeftOut(leftOut, namedLeftOut) + KnowledgeFileMessages.sharedTitles(namedShared, moreShared);
        }
    }

    /** A file read, checked and split, not yet embedded. */
    record Prepared(String source, List<Article> articles, List<List<Passages.Draft>> drafts, List<String> texts) {
        int passages() {
            return texts.size();
        }
    }

    /**
     * Reads, checks and splits a file; refuses it (a 400 saying what to fix) before anything is embedded or written.
     *
     * @param givenName the file's name as sent (its ending picks the format), or null to go by {@code contentType}
     * @param url       the article's address, for a Markdown or HTML file that does not say it itself
     */
    Prepared prepare(String givenName, String contentType, byte[] bytes, String url) {
        String fileName = fileName(givenName);
        ArticleFiles.Format format = ArticleFiles.format(fileName, contentType, bytes);
        List<Article> articles = ArticleFiles.read(format, ArticleFiles.decode(bytes, fileName), fileName, address(url, format));
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
        String source = fileName == null ? format.name().toLowerCase(Locale.ROOT) + " file" : fileName;
        return new Prepared(source, articles, drafts, texts);
    }

    /**
     * The address given beside the file, checked before the file is read; empty counts as none, as the page's field left
     * empty does. A JSONL file's articles each say their own.
     */
    private static String address(String given, ArticleFiles.Format format) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String url = given.strip();
        if (format == ArticleFiles.Format.JSONL) {
            throw ApiException.badRequest("invalid_url", KnowledgeMessages.URL_WITH_JSON_LINES);
        }
        String problem = ArticleAddress.problem(url);
        if (problem != null) {
            throw ApiException.badRequest("invalid_url", KnowledgeMessages.urlParameter(problem, url));
        }
        return url;
    }

    /** The name shown for the file: without folders, and only if it is one line of visible text. */
    private static String fileName(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String name = given.replaceAll(".*[/\\\\]", "").strip();
        if (name.isEmpty() || PlainText.length(name) > MAX_FILE_NAME || !PlainText.isPlainLine(name)) {
            throw ApiException.badRequest("invalid_name", "Give the file a plain name of at most " + MAX_FILE_NAME + " characters, "
                    + "without control characters or marks that reverse the writing direction, ending in " + ArticleFiles.EXTENSIONS + ".");
        }
        if (name.endsWith(".")) {
            throw ApiException.badRequest("invalid_name", KnowledgeMessages.nameEndsInDot(name, ArticleFiles.EXTENSIONS));
        }
        return name;
    }

    /**
     * Embeds the passages in batches of {@link KnowledgeConfig#encodeBatch()}, telling {@code progress} the number done
     * after each and stopping with a {@link CancellationException} between batches once {@code cancelled} says so.
     */
    float[][] embed(Prepared prepared, IntConsumer progress, BooleanSupplier cancelled) {
        List<String> texts = prepared.texts();
        float[][] out = new float[texts.size()][];
        long start = System.nanoTime();
        for (int from = 0; from < texts.size(); from += config.encodeBatch()) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("The import of " + prepared.source() + " was cancelled");
            }
            int to = Math.min(texts.size(), from + config.encodeBatch());
            float[][] batch = encoders.encodeInBackground(index.encoder(), texts.subList(from, to));
            System.arraycopy(batch, 0, out, from, batch.length);
            progress.accept(to);
            if (texts.size() > config.encodeBatch()) {
                LOG.debugf("Knowledge import %s: %d of %d passages embedded (%d s)", prepared.source(), to, texts.size(),
                        (System.nanoTime() - start) / 1_000_000_000L);
            }
        }
        return out;
    }

    /** Writes the articles, passages and vectors in one transaction (the caller's, if it has one). */
    Result store(Prepared prepared, float[][] flat, String user) {
        List<float[][]> vectors = new ArrayList<>();
        int next = 0;
        for (List<Passages.Draft> split : prepared.drafts()) {
            float[][] own = new float[split.size()][];
            System.arraycopy(flat, next, own, 0, own.length);
            next += own.length;
            vectors.add(own);
        }
        KnowledgeStore.Stored stored = store.replace(prepared.articles(), prepared.drafts(), vectors, index.encoder().id(), user,
                prepared.source());
        return Result.of(stored.articles(), stored.passages(), stored.replaced(),
                prepared.articles().stream().map(Article::title).toList(), stored.ids(), stored.sharedTitles(),
                prepared.articles().stream().filter(Article::addressLeftOut).map(Article::title).toList());
    }

    /** Deletes an article and its passages. */
    public void delete(long articleId, String user) {
        if (!store.delete(articleId, user)) {
            throw ApiException.notFound(KnowledgeMessages.noArticle(articleId));
        }
        index.refreshNow();
    }
}
