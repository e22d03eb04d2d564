package dev.loopwise.alignment.preference;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopwise.common.text.Hashing;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The import writes its pairs in chunks; what it stores must be what writing them one at a time stored. The reference is
 * that former path itself: the same statement, sent once per pair in the file's order, on the same file.
 */
@QuarkusTest
class PreferenceImportBatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ONE_BY_ONE = "insert into imported_preferences (prompt, chosen, rejected, margin, batch, created_by, pair_hash)"
            + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (pair_hash) do nothing";

    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    /** {@code margin}: null when the row has none, NaN for a row that gives {@code "margin": null}. */
    private record Row(String prompt, String chosen, String rejected, Double margin) {
        Row reversed() {
            return new Row(prompt, rejected, chosen, margin);
        }
    }

    @Test
    void aFileOfThousandsOfPairsStoresTheRowsAndSkipsTheDuplicatesThatOneByOneWritingDid() throws Exception {
        Caller admin = Caller.apiKeyWithoutLimit(keys, "admin");
        String tag = UUID.randomUUID().toString();
        List<Row> file = file(tag);
        List<Row> first = file.subList(0, 500);
        try {
            String user = "admin";
            int referencePre = oneByOne(first, "pre", user);
            int referenceFull = oneByOne(file, "full", user);
            List<List<Object>> reference = stored(tag, Map.of("pre", "pre", "full", "full"));
            assertTrue(referencePre > 400 && referenceFull > 2000 && referenceFull < file.size(),
                    "the file repeats pairs, and its first rows were stored before: " + referencePre + ", " + referenceFull);
            delete(tag);

            String pre = admin.request().contentType("application/x-ndjson").body(jsonLines(first)).post("/api/v1/datasets/preferences")
                    .then().statusCode(201).body("imported", equalTo(referencePre)).extract().path("batch");
            String full = admin.request().contentType("application/x-ndjson").body(jsonLines(file)).post("/api/v1/datasets/preferences")
                    .then().statusCode(201).body("imported", equalTo(referenceFull))
                    .body("duplicates", equalTo(file.size() - referenceFull)).body("opposed", equalTo(200)).extract().path("batch");
            List<List<Object>> imported = stored(tag, Map.of(pre, "pre", full, "full"));
            assertEquals(reference.size(), imported.size());
            for (int i = 0; i < reference.size(); i++) {
                assertEquals(reference.get(i), imported.get(i), "row " + (i + 1) + " in the order of its id");
            }

            admin.request().contentType("application/x-ndjson").body(jsonLines(file)).post("/api/v1/datasets/preferences")
                    .then().statusCode(201).body("imported", equalTo(0)).body("duplicates", equalTo(file.size()));
            assertEquals(imported, stored(tag, Map.of(pre, "pre", full, "full")), "sent again: nothing stored twice");
        } finally {
            delete(tag);
        }
    }

    /**
     * 2,400 distinct pairs, 300 of them again and 100 a third time (reviewers who agreed, with margins of their own),
     * 200 of them also the other way round (reviewers who disagreed), in a seeded shuffle: more than one chunk of writes.
     * Some texts hold what an array of texts must carry through: quotes, braces, commas, backslashes, the word NULL.
     */
    private static List<Row> file(String tag) {
        List<Row> distinct = new ArrayList<>();
        for (int i = 0; i < 2_400; i++) {
            String chosen = i % 10 == 0 ? "It ships \"today\", {soon} \\ é 🚚\n\tthanks " + i : "It ships today, order " + i + ".";
            String rejected = i % 50 == 0 ? "NULL" : "No idea " + i % 13 + ".";
            Double margin = switch (i % 4) {
                case 0 -> null;
                case 1 -> Double.NaN;
                case 2 -> (i % 21) / 2.0;
                default -> 0.1 * (i % 7);
            };
            distinct.add(new Row("Where is order " + i + "? " + tag, chosen, rejected, margin));
        }
        List<Row> rows = new ArrayList<>(distinct);
        for (int i = 0; i < 300; i++) {
            Row again = distinct.get(i);
            rows.add(new Row(again.prompt(), again.chosen(), again.rejected(), i % 3 == 0 ? 10.0 : null));
        }
        rows.addAll(distinct.subList(0, 100));
        distinct.subList(300, 500).forEach(row -> rows.add(row.reversed()));
        Collections.shuffle(rows, new Random(7));
        return rows;
    }

    private static byte[] jsonLines(List<Row> rows) {
        StringBuilder lines = new StringBuilder();
        for (Row row : rows) {
            ObjectNode node = JSON.createObjectNode().put("prompt", row.prompt()).put("chosen", row.chosen()).put("rejected", row.rejected());
            if (row.margin() != null && row.margin().isNaN()) {
                node.putNull("margin");
            } else if (row.margin() != null) {
                node.put("margin", row.margin());
            }
            lines.append(node).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The former write: one statement per pair, its n-th repeat in the file keyed apart from the first. */
    private int oneByOne(List<Row> rows, String batch, String user) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Integer> seen = new HashMap<>();
            int stored = 0;
            for (Row row : rows) {
                String pair = row.prompt() + '\u001f' + row.chosen() + '\u001f' + row.rejected();
                int copy = seen.merge(pair, 1, Integer::sum);
                Float margin = row.margin() == null || row.margin().isNaN() ? null : row.margin().floatValue();
                stored += em.createNativeQuery(ONE_BY_ONE).setParameter(1, row.prompt()).setParameter(2, row.chosen())
                        .setParameter(3, row.rejected()).setParameter(4, margin).setParameter(5, batch).setParameter(6, user)
                        .setParameter(7, Hashing.sha256Hex(pair + (copy > 1 ? "\u001f" + copy : ""))).executeUpdate();
            }
            return stored;
        });
    }

    /** The stored pairs in the order of their ids, each with its import named by {@code batches}. */
    @SuppressWarnings("unchecked")
    private List<List<Object>> stored(String tag, Map<String, String> batches) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select prompt, chosen, rejected, margin,"
                + " created_by, pair_hash, batch from imported_preferences where prompt like ?1 order by id")
                .setParameter(1, "%" + tag).getResultList());
        return rows.stream().map(row -> {
            List<Object> values = new ArrayList<>(Arrays.asList(row));
            values.set(6, batches.get((String) row[6]));
            return values;
        }).toList();
    }

    private void delete(String tag) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from imported_preferences where prompt like ?1")
                .setParameter(1, "%" + tag).executeUpdate());
    }
}
