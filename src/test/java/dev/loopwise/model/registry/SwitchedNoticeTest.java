package dev.loopwise.model.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.registry.version.ModelLifecycleTest;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Promote and Roll back on the Models pages landed on the list with nothing saying they had worked; after a rollback the
 * list's advice could still be about the newer version. The list now says which version answers customers after the press,
 * and only while it still does.
 */
@QuarkusTest
class SwitchedNoticeTest {
    @Inject
    ApiKeyService keys;

    @Test
    void promoteAndRollBackSayWhichVersionAnswersNow() {
        ActiveModel.await();
        int serving = active();
        int candidate = ModelLifecycleTest.trainAndWait(Caller.apiKey(keys, "admin"), "{\"regime\":\"few_shot\"}");
        Caller admin = Caller.session("admin");
        try {
            String promoted = press(admin, candidate, "promote", serving);
            assertEquals("/admin/models?switched=" + candidate, promoted);
            assertEquals("Done: v" + candidate + " answers customers now. The change is listed under Changes of the active"
                    + " version below.", notice(admin, promoted));

            String rolledBack = press(admin, serving, "rollback", candidate);
            assertEquals("/admin/models?switched=" + serving + "&back=true", rolledBack);
            assertEquals("Done: v" + serving + " answers customers again. The change is listed under Changes of the active"
                    + " version below.", notice(admin, rolledBack));

            // The candidate's address, read again once it no longer answers, says nothing rather than something untrue.
            assertEquals(null, notice(admin, promoted));
            assertEquals(null, notice(admin, "/admin/models?switched=x1"));
        } finally {
            if (active() != serving) {
                Caller.apiKey(keys, "admin").request().contentType("application/json")
                        .post("/api/v1/models/" + serving + "/rollback").then().statusCode(200);
            }
            ActiveModel.await();
        }
    }

    /** Presses Promote or Roll back as the version's page sends it, and returns where the page is sent next. */
    private static String press(Caller admin, int version, String action, int activeAsShown) {
        String location = admin.pageRequest().redirects().follow(false).formParam("csrf-token", admin.csrfToken())
                .formParam("expectedActive", String.valueOf(activeAsShown)).post("/admin/models/" + version + "/" + action)
                .then().statusCode(303).extract().header("Location");
        assertTrue(location != null && location.contains("/admin/models?"), String.valueOf(location));
        return location.substring(location.indexOf("/admin/models?"));
    }

    /** The line above the list's advice, or null when the page shows none. */
    private static String notice(Caller admin, String address) {
        String page = admin.request().accept("text/html").get(address).then().statusCode(200).extract().asString();
        int at = page.indexOf("id=\"models-switched\">");
        if (at < 0) {
            assertFalse(page.contains("models-switched"), page);
            return null;
        }
        at += "id=\"models-switched\">".length();
        return page.substring(at, page.indexOf("</p>", at));
    }

    private static int active() {
        return QuarkusTransaction.requiringNew().call(() -> ModelVersion.findActive().orElseThrow().version);
    }
}
