package dev.loopwise.knowledge;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An article imported in the request is named by the 201's Location, and GET reads it there as the list shows it; a
 * JSON lines file of several has no one address, and names each article's id instead. Admins only, as the list.
 */
@QuarkusTest
class KnowledgeArticleLocationTest {
    @Inject
    ApiKeyService keys;
    @Inject
    UserService users;

    @Test
    void oneArticleIsNamedByLocationAndReadThere() {
        Caller admin = Caller.apiKey(keys, "admin");
        String tag = UUID.randomUUID().toString();
        String title = "Gift cards " + tag;
        ExtractableResponse<Response> created = KnowledgeArticles.upload(admin, "gift-" + tag + ".md", "text/markdown",
                "# " + title + "\n\nA gift card bought under " + tag + " is valid for two years from that day.\n").statusCode(201).extract();
        List<Integer> ids = created.path("articleIds");
        try {
            assertEquals(1, ids.size());
            long id = ids.get(0);
            String path = "/api/v1/knowledge/articles/" + id;
            String location = created.header("Location");
            assertEquals(RestAssured.baseURI + ":" + RestAssured.port + path, location);
            assertEquals(path, URI.create(location).getPath());
            admin.request().get(path).then().statusCode(200).body("id", equalTo((int) id)).body("title", equalTo(title))
                    .body("format", equalTo("markdown")).body("passages", equalTo(1)).body("importedBy", equalTo("admin"));

            Caller.reviewer(users, keys).request().get(path).then().statusCode(403);
            Caller.service(users, keys).request().get(path).then().statusCode(403);
            Caller.anonymous().request().get(path).then().statusCode(401);
            admin.request().get("/api/v1/knowledge/articles/abc").then().statusCode(400);

            // Deleted, it is gone from its address, with a message saying why it may be.
            admin.request().delete(path).then().statusCode(204);
            admin.request().accept("application/json").get(path).then().statusCode(404).body("code", equalTo("not_found"))
                    .body("error", equalTo("There is no knowledge-base article " + id + ": it may have been deleted already, or replaced"
                            + " by a newer import of the same article, which gave it a new id."));
        } finally {
            // Gone already when the test got that far; not when it stopped before.
            ids.forEach(id -> admin.request().delete("/api/v1/knowledge/articles/" + id));
        }
    }

    @Test
    void severalArticlesAreEachNamedByTheirId() {
        Caller admin = Caller.apiKey(keys, "admin");
        String tag = UUID.randomUUID().toString();
        String first = "Loyalty points " + tag;
        String second = "Store opening hours " + tag;
        ExtractableResponse<Response> created = KnowledgeArticles.upload(admin, "several-" + tag + ".jsonl",
                "application/x-ndjson", "{\"title\":\"" + first + "\",\"body\":\"Points of " + tag + " expire after a year without an order.\"}\n"
                        + "{\"title\":\"" + second + "\",\"body\":\"The stores of " + tag + " open at nine on weekdays.\"}\n")
                .statusCode(201).extract();
        List<Integer> ids = created.path("articleIds");
        try {
            assertNull(created.header("Location"), "no one address holds two articles");
            assertEquals(2, ids.size());
            admin.request().get("/api/v1/knowledge/articles/" + ids.get(0)).then().statusCode(200).body("title", equalTo(first))
                    .body("format", equalTo("jsonl"));
            admin.request().get("/api/v1/knowledge/articles/" + ids.get(1)).then().statusCode(200).body("title", equalTo(second));
            ids.forEach(id -> admin.request().delete("/api/v1/knowledge/articles/" + id).then().statusCode(204));
        } finally {
            ids.forEach(id -> admin.request().delete("/api/v1/knowledge/articles/" + id)); // gone already unless it stopped before
        }
    }
}
