package dev.loopwise.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.security.Caller;
import dev.loopwise.security.Role;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Admin actions leave an entry naming who did what, in the same transaction; only admins read the trail. */
@QuarkusTest
class AuditTrailTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    UserService users;
    @Inject
    ApiKeyService keys;

    @Test
    void aTimeTheAddressBrokeSaysWhatToWriteInstead() {
        Caller admin = Caller.apiKey(keys, "admin");
        // curl sends "+01:00" as typed, and a query reads that '+' as a space: the server gets the space.
        admin.request().queryParam("since", "2026-12-02T12:00:00 01:00").get("/api/v1/audit").then().statusCode(400)
                .body("code", equalTo("validation_failed"))
                .body("error", containsString("write it as %2B (2026-12-02T12:00:00%2B01:00)"));
        admin.request().queryParam("until", "2026-12-02T12:00:00").get("/api/v1/audit").then().statusCode(400)
                .body("error", containsString("it names no time zone; add Z for UTC (2026-12-02T12:00:00Z)"));
        admin.request().queryParam("since", "2026-12-02").get("/api/v1/audit").then().statusCode(400)
                .body("error", containsString("it is a day without a time; add one (2026-12-02T00:00:00Z)"));
        admin.request().queryParam("since", "2026-12-02T12:00:00+01:00").get("/api/v1/audit").then().statusCode(200);
        // No fix is offered that would itself be refused: an offset without its colon, an hour without its minutes.
        admin.request().queryParam("since", "2026-12-02T12:00:00 0100").get("/api/v1/audit").then().statusCode(400)
                .body("error", equalTo("since must be an ISO-8601 instant between the years 1 and 9999, such as 2026-01-31T00:00:00Z."));
        admin.request().queryParam("since", "2026-12-02T12").get("/api/v1/audit").then().statusCode(400)
                .body("error", equalTo("since must be an ISO-8601 instant between the years 1 and 9999, such as 2026-01-31T00:00:00Z."));
    }

    @Test
    void adminActionsThroughTheApiAreRecordedWithTheirActor() throws Exception {
        String lead = "lead-" + UUID.randomUUID().toString().substring(0, 8);
        ScratchAccounts.user(users.create(lead, "long-enough-pw", Role.ADMIN, null));
        Caller admin = Caller.apiKey(keys, lead);
        String since = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1).toString();
        String name = "audited-" + UUID.randomUUID().toString().substring(0, 8);

        long id = admin.request().contentType("application/json")
                .body("{\"username\":\"" + name + "\",\"password\":\"long-enough-pw\",\"roles\":\"reviewer\"}")
                .post("/api/v1/users").then().statusCode(201).extract().jsonPath().getLong("id");
        ScratchAccounts.userNamed(name);
        admin.request().contentType("application/json").body("{\"roles\":\"admin\",\"displayName\":\"Audited Person\"}")
                .patch("/api/v1/users/" + id).then().statusCode(200);
        long keyId = admin.request().contentType("application/json").body("{\"name\":\"for " + name + "\",\"username\":\"" + name + "\"}")
                .post("/api/v1/keys").then().statusCode(201).extract().jsonPath().getLong("id");
        admin.request().delete("/api/v1/keys/" + keyId).then().statusCode(204);
        admin.request().contentType("application/json").body("{\"password\":\"another-long-pw\",\"disabled\":true}")
                .patch("/api/v1/users/" + id).then().statusCode(200);
        // A ticket the workspace already has: the import is recorded, and the data other tests train on stay as they were.
        String known = admin.request().get("/api/v1/tickets?size=1").then().statusCode(200).extract().jsonPath().getString("[0].text");
        byte[] ticketLine = (JSON.writeValueAsString(Map.of("text", known)) + "\n").getBytes(StandardCharsets.UTF_8);
        admin.request().contentType("application/x-ndjson").body(ticketLine)
                .post("/api/v1/datasets/tickets").then().statusCode(201);
        // Refused changes leave no entry: the entry commits with the change or not at all.
        admin.request().contentType("application/json")
                .body("{\"username\":\"" + name + "\",\"password\":\"long-enough-pw\",\"roles\":\"reviewer\"}")
                .post("/api/v1/users").then().statusCode(409);

        List<JsonNode> mine = new ArrayList<>();
        for (JsonNode line : export(admin, "since=" + since)) {
            if (line.get("actor").asText().equals(lead)) {
                mine.add(line);
            }
        }
        List<String> actions = mine.stream().map(l -> l.get("action").asText()).toList();
        assertEquals(List.of("user.add", "user.rename", "user.role_change", "key.create", "key.revoke", "user.disable",
                "user.password_reset", "tickets.import"), actions, mine.toString());
        assertEquals("account " + name, mine.get(0).get("target").asText());
        assertEquals("Audited Person", mine.get(1).get("details").get("to").asText());
        assertEquals("reviewer", mine.get(2).get("details").get("from").asText());
        assertEquals("admin", mine.get(2).get("details").get("to").asText());
        assertEquals(0, mine.get(7).get("details").get("imported").asInt());
        assertEquals(1, mine.get(7).get("details").get("duplicates").asInt());
        assertTrue(mine.get(0).get("occurredAt").asText().length() > 10);

        assertEquals(0, export(admin, "until=" + since).stream().filter(l -> l.get("actor").asText().equals(lead)).count(),
                "until is exclusive and before every action");
        admin.request().get("/api/v1/audit?since=yesterday").then().statusCode(400)
                .body("code", equalTo("validation_failed"));
        admin.request().get("/api/v1/audit?since=2026-12-02T12:50:00Z&until=2026-12-02T12:00:00Z").then().statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("invalid_range"));
        // One bound alone leaves the whole allowed range on its other side: years 1 to 9999 both work.
        assertEquals(0, export(admin, "until=0002-01-01T00:00:00Z").size());
        assertEquals(0, export(admin, "since=9999-12-31T12:00:00Z").size());
        admin.request().get("/api/v1/audit?until=0001-01-01T00:00:00Z").then().statusCode(400)
                .body("error", org.hamcrest.Matchers.containsString("'until' leaves no time to export"));
        // A date PostgreSQL cannot hold is the same mistake, not "a value that cannot be stored".
        for (String query : new String[] {"since=-999999999-01-01T00:00:00Z", "until=+300000-01-01T00:00:00Z"}) {
            admin.request().get("/api/v1/audit?" + query).then().statusCode(400)
                    .body("code", equalTo("validation_failed")).body("error", containsString("between the years"));
        }

        Caller.session("admin").request().accept("text/html").get("/admin/audit").then().statusCode(200)
                .body(containsString("Added account " + name + ".")).body(containsString("Changed the role of account " + name + "."))
                .body(containsString("What to do next:"));
    }

    @Test
    void reviewersAreRefusedThePageAndTheExport() {
        Caller.session("reviewer1").request().accept("text/html").get("/admin/audit").then().statusCode(403);
        Caller.apiKey(keys, "reviewer1").request().get("/api/v1/audit").then().statusCode(403);
    }

    @Test
    void thePagePagesByEntry() {
        Caller admin = Caller.session("admin");
        admin.request().accept("text/html").get("/admin/audit?before=1").then().statusCode(200)
                .body(containsString("No older entries.")).body(containsString("Newest"));
    }

    private static List<JsonNode> export(Caller caller, String query) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        String next = "/api/v1/audit?" + query;
        while (next != null) {
            var page = caller.request().urlEncodingEnabled(false).accept("application/x-ndjson").get(next);
            page.then().statusCode(200).contentType(containsString("application/x-ndjson"));
            for (String line : page.asString().split("\n")) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
            String link = page.header("Link");
            next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        }
        return lines;
    }
}
