package dev.loopwise.common.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Numbers in a request are written with the digits 0 to 9 wherever they are read: Java would read Arabic-Indic "١" or
 * full-width "１" as 1, which a listing's paging already refused while ids and counts took them.
 */
@QuarkusTest
class OtherDigitsTest {
    private static final String ARABIC_INDIC_ONE = "\u0661";
    private static final String FULL_WIDTH_ONE_TWO_THREE = "\uFF11\uFF12\uFF13";

    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @Test
    void anIdInThePathWithOtherDigitsIsRefusedAsPagingIs() {
        Caller admin = Caller.apiKey(keys, "admin");
        admin.request().urlEncodingEnabled(false).get("/api/v1/models/" + utf8(ARABIC_INDIC_ONE)).then().statusCode(400)
                .body("code", equalTo("bad_parameter"))
                .body("error", equalTo("The version in the path: '" + ARABIC_INDIC_ONE + "' is written with digits other than 0 to 9: write ids, page numbers"
                        + " and counts in the address with the digits 0 to 9."));
        admin.request().urlEncodingEnabled(false).get("/api/v1/rounds/" + utf8(FULL_WIDTH_ONE_TWO_THREE)).then().statusCode(400)
                .body("code", equalTo("bad_parameter"))
                .body("error", containsString("digits other than 0 to 9"));
        // The paging parameters' own rule, unchanged.
        admin.request().urlEncodingEnabled(false).get("/api/v1/tickets?size=" + utf8(FULL_WIDTH_ONE_TWO_THREE)).then().statusCode(400)
                .body("code", equalTo("invalid_paging"));
    }

    @Test
    void aQueryParameterWithOtherDigitsIsRefusedBeforeAnythingChanges() {
        Caller admin = Caller.apiKey(keys, "admin");
        String active = QuarkusTransaction.requiringNew().call(() -> String.valueOf(em.createNativeQuery(
                "select coalesce(string_agg(version::text, ','), '') from model_versions where status = 'active'").getSingleResult()));
        admin.request().contentType("application/json").urlEncodingEnabled(false)
                .post("/api/v1/models/1/promote?expectedActive=" + utf8(ARABIC_INDIC_ONE)).then().statusCode(400)
                .body("code", equalTo("bad_parameter")).body("error", containsString("'" + ARABIC_INDIC_ONE + "' is written with digits"));
        assertEquals(active, QuarkusTransaction.requiringNew().call(() -> String.valueOf(em.createNativeQuery(
                "select coalesce(string_agg(version::text, ','), '') from model_versions where status = 'active'").getSingleResult())),
                "the active version stays");
        // In JSON such digits are no number at all.
        admin.request().contentType("application/json").body("{\"name\":\"k\",\"requestsPerMinute\":" + ARABIC_INDIC_ONE + "}")
                .post("/api/v1/keys").then().statusCode(400).body("code", equalTo("malformed_json"));
    }

    @Test
    void aFormFieldWithOtherDigitsIsRefusedOnThePageAndNothingIsMade() {
        Caller page = Caller.session("admin");
        long items = reviewItems();
        for (String typed : new String[] {ARABIC_INDIC_ONE, FULL_WIDTH_ONE_TWO_THREE}) {
            String refused = page.landedOn(page.pageRequest().accept("text/html").contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .body("csrf-token=" + utf8(page.csrfToken()) + "&count=" + utf8(typed)).post("/admin/review/generate"), 400);
            assertTrue(refused.contains("Make review items: &#39;" + typed + "&#39; is written with digits other than 0 to 9: type the"
                    + " number with the digits 0 to 9. Nothing was made."), typed + ": " + refused);
        }
        assertEquals(items, reviewItems(), "no review item was made");
    }

    /** As a browser sends it: RestAssured would write these digits in ISO-8859-1 (as question marks). */
    private static String utf8(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private long reviewItems() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from review_items")
                .getSingleResult()).longValue());
    }
}
