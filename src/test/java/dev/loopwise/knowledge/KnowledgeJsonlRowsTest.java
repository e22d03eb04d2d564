package dev.loopwise.knowledge;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A knowledge-base JSONL file with a row that lacks what an article needs, and the same rows as one JSON array. */
@QuarkusTest
class KnowledgeJsonlRowsTest {
    @Inject
    ApiKeyService keys;

    @Test
    void aRowMissingAFieldNamesTheLineAndTheFieldAndAJsonArrayOfArticlesIsRead() {
        Caller admin = Caller.apiKey(keys, "admin");
        upload(admin, "{\"title\": \"Returns\", \"body\": \"Send it back within 30 days.\"}\n{\"title\": \"Shipping\", \"content\": \"Two days.\"}\n"
                + "{\"body\": 42, \"title\": \"Numbers\"}\n{\"title\": \"Nulls\", \"body\": null}\n").statusCode(400)
                .body("code", equalTo("invalid_file"))
                .body("error", containsString("line 2: 'body' is missing (each article needs 'title' and 'body'; this line has 'title', 'content')"))
                .body("error", containsString("line 3: 'body' must be a non-empty string, not a number"))
                .body("error", containsString("line 4: 'body' is null: give the article's body as text in quotes"))
                .body("error", not(containsString("line 1")));
        // One array on one line, as a tool writes "JSON": read as its rows, not refused as "line 1: not a JSON object".
        String tag = UUID.randomUUID().toString().substring(0, 8);
        upload(admin, "[{\"title\": \"Array one " + tag + "\", \"body\": \"First.\"}, {\"title\": \"Array two " + tag + "\", \"body\": \"Second.\"}]")
                .statusCode(201).body("articles", equalTo(2));
        List<Integer> ids = admin.request().queryParam("limit", 1000).get("/api/v1/knowledge/articles").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.title.endsWith('" + tag + "') }.id");
        ids.forEach(id -> admin.request().delete("/api/v1/knowledge/articles/" + id).then().statusCode(204));
    }

    @Test
    void aJsonFileOfOneArrayOfArticlesIsReadByItsNameOrItsType() {
        Caller admin = Caller.apiKey(keys, "admin");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String articles = "[{\"title\": \"Json one " + tag + "\", \"body\": \"First.\"}, {\"title\": \"Json two " + tag
                + "\", \"body\": \"Second.\"}]";
        for (String[] sent : new String[][] {{"articles.json", "application/octet-stream"}, {"export", "application/json"},
                {"articles.json", "application/json; charset=utf-8"}}) {
            admin.request().contentType(sent[1]).queryParam("name", sent[0]).body(articles.getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/knowledge/articles").then().statusCode(201).body("articles", equalTo(2));
        }
        // Plain text, by its name or its type, is read as Markdown: its file name is the title when no heading gives one.
        admin.request().contentType("application/octet-stream").queryParam("name", "Opening hours " + tag + ".txt")
                .body("We answer every day from 8 am to 8 pm.".getBytes(StandardCharsets.UTF_8)).post("/api/v1/knowledge/articles")
                .then().statusCode(201).body("articles", equalTo(1)).body("titles[0]", equalTo("Opening hours " + tag));
        admin.request().contentType("text/plain; charset=utf-8").body(("# Gift cards " + tag + "\n\nGift cards never expire.")
                .getBytes(StandardCharsets.UTF_8)).post("/api/v1/knowledge/articles").then().statusCode(201).body("articles", equalTo(1));
        admin.request().contentType("application/pdf").queryParam("name", "manual.pdf").body(new byte[] {'%', 'P', 'D', 'F'})
                .post("/api/v1/knowledge/articles").then().statusCode(400).body("code", equalTo("unsupported_type"))
                .body("error", containsString("one JSON array of them: .json, application/json"));
        List<Integer> ids = admin.request().queryParam("limit", 1000).get("/api/v1/knowledge/articles").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.title.endsWith('" + tag + "') }.id");
        ids.forEach(id -> admin.request().delete("/api/v1/knowledge/articles/" + id).then().statusCode(204));
    }

    @Test
    void aTitleOfOnlyInvisibleCharactersSaysToWriteTheTitleNotToAddAHeading() {
        Caller admin = Caller.apiKey(keys, "admin");
        // Each is left out of a title, which is then empty: a JSON row has no heading to add, only its 'title' to fix.
        for (String title : new String[] {"\\u200b", "\\u202e", "\\u0007\\u00ad"}) {
            upload(admin, "{\"title\": \"" + title + "\", \"body\": \"Send it back within 30 days.\"}\n").statusCode(400)
                    .body("code", equalTo("invalid_file"))
                    .body("error", containsString("line 1: the article has no title: its 'title' holds only control characters or"
                            + " invisible marks"))
                    .body("error", not(containsString("heading")));
        }
    }

    private static ValidatableResponse upload(Caller admin, String body) {
        return admin.request().contentType("application/x-ndjson").queryParam("name", "articles.jsonl")
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/knowledge/articles").then();
    }
}
