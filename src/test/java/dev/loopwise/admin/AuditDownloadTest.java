package dev.loopwise.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.audit.AuditEvent;
import dev.loopwise.audit.AuditLog;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The audit trail downloads from the signed-in browser as the page says: a dated JSON lines file, for admins only. */
@QuarkusTest
class AuditDownloadTest {
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Inject
    AuditLog audit;

    @Test
    void anAdminDownloadsTheWholeTrailAsADatedJsonLinesFile() throws Exception {
        String actor = "download-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> audit.record(actor, "user.add", "account kept", Map.of("roles", "reviewer")));
        try {
            Caller admin = Caller.session("admin");
            String page = admin.request().accept("text/html").get("/admin/audit").then().statusCode(200).extract().asString();
            assertTrue(page.contains("<a href=\"/admin/audit/download\" download id=\"audit-download\">download it whole</a>"), page);
            String day = LocalDate.now(ZoneOffset.UTC).toString();
            Response file = admin.request().accept(BROWSER).get("/admin/audit/download");
            file.then().statusCode(200).contentType(containsString("application/x-ndjson"))
                    .header("Content-Disposition", containsString("attachment; filename=\"loopwise-audit-20"))
                    .header("Content-Disposition", endsWith(".jsonl\""));
            String name = file.header("Content-Disposition");
            assertTrue(name.contains(day) || name.contains(LocalDate.now(ZoneOffset.UTC).toString()), name);
            ObjectMapper json = new ObjectMapper();
            boolean found = false;
            for (String line : file.asString().split("\n")) {
                JsonNode entry = json.readTree(line);
                found |= actor.equals(entry.get("actor").asText()) && "account kept".equals(entry.get("target").asText());
            }
            assertTrue(found, "every line is one entry, this one among them");

            Caller.session("reviewer1").request().accept(BROWSER).get("/admin/audit/download").then().statusCode(403);
            RestAssured.given().redirects().follow(false).accept(BROWSER).get("/admin/audit/download").then().statusCode(303)
                    .header("Location", containsString("/login"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> AuditEvent.delete("actor", actor));
        }
    }
}
