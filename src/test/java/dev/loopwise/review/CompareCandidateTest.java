package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reviewers compare a candidate with the active version only when the two can pick different replies. */
@QuarkusTest
class CompareCandidateTest {

    @Test
    void theVerySameModelTrainedAgainIsNeitherOfferedNorTakenForComparison() {
        int active = ActiveModel.await();
        // Training again on unchanged data stores the very same model under a new number.
        int again = QuarkusTransaction.requiringNew().call(() -> ((Number) ModelVersion.getEntityManager().createNativeQuery("""
                insert into model_versions (version, status, encoder_id, encoder_source, regime, parameters, checksum, lineage, metrics)
                select nextval('model_version_numbers'), 'candidate', encoder_id, encoder_source, regime, parameters, checksum, lineage, metrics
                from model_versions where version = ?1 returning version""").setParameter(1, active).getSingleResult()).intValue());
        try {
            Caller admin = Caller.session("admin");
            String page = admin.pageRequest().accept("text/html").get("/admin/review").then().statusCode(200).extract().asString();
            assertTrue(!page.contains("name=\"version\" value=\"" + again + "\""), "no button to compare v" + again + " with itself");
            String refused = admin.pageRequest().accept("text/html").formParam("csrf-token", admin.csrfToken())
                    .formParam("version", again).formParam("on", "true").post("/admin/review/compare")
                    .then().statusCode(409).extract().asString();
            assertTrue(refused.contains("v" + again + " is the very same model as the active v" + active), refused);
            assertEquals(false, QuarkusTransaction.requiringNew().call(() -> ModelVersion.findByVersion(again).orElseThrow().underReview),
                    "a refused comparison changes nothing");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> ModelVersion.delete("version", again));
        }
    }

    @Test
    void aComparisonAskedForWithoutAVersionSaysToChooseOne() {
        Caller admin = Caller.session("admin");
        // Left out, sent empty, and a number no version has.
        for (String version : List.of("absent", "", "0")) {
            var request = admin.pageRequest().accept("text/html").formParam("csrf-token", admin.csrfToken()).formParam("on", "true");
            String refused = (version.equals("absent") ? request : request.formParam("version", version)).post("/admin/review/compare")
                    .then().statusCode(400).extract().asString();
            assertTrue(refused.contains("Say which version to compare with the active one") && !refused.contains("version 0"), refused);
            assertTrue(refused.contains("<p class=\"alert error\" role=\"alert\" id=\"review-error\">Say which version"), "shown as an error: " + refused);
        }
        // A version the form's list never sends, written as no id is, is refused as every such id is, comparing nothing.
        String refused = admin.pageRequest().accept("text/html").formParam("csrf-token", admin.csrfToken()).formParam("on", "true")
                .formParam("version", "-1").post("/admin/review/compare").then().statusCode(400).extract().asString();
        assertTrue(refused.contains("is not a plain number") && refused.contains("Nothing was saved"), refused);
    }

    /** Every failed round leaves a version: the page offers the newest few and the one under comparison, not all of them. */
    @Test
    void theNewestFewVersionsAndTheOneUnderComparisonAreOffered() {
        int active = ActiveModel.await();
        List<Integer> made = QuarkusTransaction.requiringNew().call(() -> ModelVersion.getEntityManager().createNativeQuery("""
                insert into model_versions (version, status, encoder_id, encoder_source, regime, parameters, checksum, lineage, metrics)
                select nextval('model_version_numbers'), 'rejected', encoder_id, encoder_source, regime, parameters, md5(checksum || n),
                       lineage, metrics
                from model_versions, generate_series(1, ?2) n where version = ?1 order by n returning version""")
                .setParameter(1, active).setParameter(2, ReviewAdminPage.COMPARABLE_SHOWN + 3).getResultList().stream()
                .map(v -> ((Number) v).intValue()).sorted().toList());
        int oldest = made.get(0);
        try {
            QuarkusTransaction.requiringNew().run(() -> ModelVersion.update("underReview = true where version = ?1", oldest));
            String page = Caller.session("admin").pageRequest().accept("text/html").get("/admin/review").then().statusCode(200)
                    .extract().asString();
            List<Integer> offered = made.stream().filter(v -> page.contains("name=\"version\" value=\"" + v + "\"")).toList();
            List<Integer> expected = new ArrayList<>(made.subList(made.size() - ReviewAdminPage.COMPARABLE_SHOWN, made.size()));
            expected.add(0, oldest);
            assertEquals(expected, offered, "the newest " + ReviewAdminPage.COMPARABLE_SHOWN + " and the one under comparison");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> ModelVersion.delete("version in ?1", made));
        }
    }

    /** A double click, or two admins at once: asking to compare the version already compared keeps it compared. */
    @Test
    void askingTwiceToCompareKeepsTheComparison() {
        int active = ActiveModel.await();
        int other = QuarkusTransaction.requiringNew().call(() -> ((Number) ModelVersion.getEntityManager().createNativeQuery("""
                insert into model_versions (version, status, encoder_id, encoder_source, regime, parameters, checksum, lineage, metrics)
                select nextval('model_version_numbers'), 'candidate', encoder_id, encoder_source, regime, parameters, md5(checksum || 'twice'),
                       lineage, metrics
                from model_versions where version = ?1 returning version""").setParameter(1, active).getSingleResult()).intValue());
        try {
            Caller admin = Caller.session("admin");
            for (int i = 0; i < 2; i++) {
                admin.pageRequest().accept("text/html").formParam("csrf-token", admin.csrfToken()).formParam("version", other)
                        .formParam("on", "true").redirects().follow(false).post("/admin/review/compare").then().statusCode(303);
            }
            assertEquals(true, QuarkusTransaction.requiringNew().call(() -> ModelVersion.findByVersion(other).orElseThrow().underReview),
                    "still compared after the second ask");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> ModelVersion.delete("version", other));
        }
    }
}
