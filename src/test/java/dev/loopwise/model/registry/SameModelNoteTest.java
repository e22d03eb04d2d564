package dev.loopwise.model.registry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A version trained again on unchanged data is the same model: its page says so, rather than offer a promotion that changes nothing. */
@QuarkusTest
class SameModelNoteTest {

    @Test
    void aVersionWithTheChecksumOfAnEarlierOneSaysItIsTheSameModel() {
        int active = ActiveModel.await();
        int copy = QuarkusTransaction.requiringNew().call(() -> {
            ModelVersion original = ModelVersion.findByVersion(active).orElseThrow();
            ModelVersion same = MeasuredVersions.copyOf(original, ModelVersion.CANDIDATE, "same-model test");
            same.parameters = original.parameters;
            same.persist();
            return same.version;
        });
        try {
            Caller admin = Caller.session("admin");
            String page = admin.request().accept("text/html").get("/admin/models/" + copy).then().statusCode(200).extract().asString();
            // The earliest version with that checksum is named: the active one, or one it was itself a retraining of.
            Integer first = QuarkusTransaction.requiringNew().call(() -> ModelFormats.sameAs(ModelVersion.findByVersion(copy).orElseThrow()));
            assertTrue(first != null && first <= active, "an earlier version has the checksum");
            assertTrue(page.contains("This is the very same model as") && page.contains("v" + first + "</a>"), page);
            String original = admin.request().accept("text/html").get("/admin/models/" + first).then().statusCode(200).extract().asString();
            assertFalse(original.contains("This is the very same model as"), "the earliest one is the original");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> ModelVersion.delete("version", copy));
        }
    }
}
