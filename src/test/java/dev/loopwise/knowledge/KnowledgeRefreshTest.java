package dev.loopwise.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Passages embedded again after a change of encoder do not hold up the other refreshes while that runs. */
@QuarkusTest
class KnowledgeRefreshTest {
    @Inject
    ApiKeyService keys;
    @Inject
    KnowledgeIndex index;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    EntityManager em;

    @Test
    void aRefreshWhilePassagesAreEmbeddedAgainLoadsAtOnceAndTheEmbeddedOnesFollow() throws Exception {
        Caller admin = Caller.apiKey(keys, "admin");
        String title = "Gift wrapping " + UUID.randomUUID().toString().substring(0, 8);
        String row = "{\"id\": \"" + title + "\", \"title\": \"" + title + "\", \"body\": \"We wrap any order in recycled paper for two"
                + " euros: choose gift wrapping at checkout, and add a card with your own words.\"}\n";
        admin.request().contentType("application/x-ndjson").queryParam("name", "wrapping.jsonl").body(row.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/knowledge/articles").then().statusCode(201);
        List<Long> passages = ids("select p.id from knowledge_passages p join knowledge_articles a on a.id = p.article_id"
                + " where a.title = ?1 order by p.id", title);
        try {
            assertFalse(passages.isEmpty());
            index.refreshNow();
            // As if another instance had stored another encoder's vectors for this article's passages.
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("update knowledge_passages set encoder_id = 'retired-encoder' where id in (?1)")
                        .setParameter(1, passages).executeUpdate();
                em.createNativeQuery("update knowledge_generation set generation = generation + 1").executeUpdate();
            });
            CompletableFuture<KnowledgeReader.Vectors> embedding;
            try (Connection other = dataSource.getConnection()) {
                other.setAutoCommit(false);
                try (Statement s = other.createStatement()) {
                    // Another writer holds a passage the re-embedding must write: it waits there, mid-work, for as long as the test likes.
                    s.execute("select id from knowledge_passages where id = " + passages.get(0) + " for update");
                    embedding = CompletableFuture.supplyAsync(index::refreshNow);
                    awaitBlockedBy(s);
                    KnowledgeReader.Vectors meanwhile = CompletableFuture.supplyAsync(index::refreshNow).get(20, TimeUnit.SECONDS);
                    assertFalse(embedding.isDone(), "the re-embedding still waits");
                    assertTrue(Arrays.stream(meanwhile.ids()).noneMatch(passages::contains), "not embedded yet, so not loaded");
                }
                other.commit();
            }
            KnowledgeReader.Vectors embedded = embedding.get(60, TimeUnit.SECONDS);
            assertTrue(Arrays.stream(embedded.ids()).boxed().toList().containsAll(passages), "embedded again and loaded");
            assertTrue(Arrays.stream(index.refreshNow().ids()).boxed().toList().containsAll(passages), "the newer matrix stays");
            assertEquals(0, ids("select id from knowledge_passages where encoder_id = 'retired-encoder' and id in (?1)", passages).size());
        } finally {
            ids("select id from knowledge_articles where title = ?1", title)
                    .forEach(id -> admin.request().delete("/api/v1/knowledge/articles/" + id).then().statusCode(204));
        }
    }

    /** Waits until another session waits for a lock this statement's session holds. */
    private static void awaitBlockedBy(Statement holder) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (ResultSet row = holder.executeQuery(
                    "select count(*) from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid))")) {
                row.next();
                if (row.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the re-embedding never reached the held passage");
    }

    @SuppressWarnings("unchecked")
    private List<Long> ids(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) em.createNativeQuery(sql).setParameter(1, parameter)
                .getResultList()).stream().map(Number::longValue).toList());
    }
}
