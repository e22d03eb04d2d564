package dev.loopwise.model.registry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The Models page names the pre-trained model every ticket is read with one way, "the reading model": its choice hint and
 * its fold said so while the sentence on fine-tuning's cost called it "the language model", which a lead took for the
 * team's LLM configured on another page.
 */
@QuarkusTest
class ReadingModelNameTest {
    @Test
    void theFineTuningNoteNamesTheReadingModelAsTheChoicesDo() {
        Document page = Jsoup.parse(Caller.session("admin").request().accept("text/html").get("/admin/models").then()
                .statusCode(200).extract().asString());
        String main = page.selectFirst("main").text();
        assertTrue(main.contains("Fine-tuning adjusts the reading model itself to your tickets"), main);
        assertTrue(main.contains("Quick: learns on top of the reading model"), main);
        assertFalse(main.contains("adjusts the language model"), "one name for the model tickets are read with: " + main);
    }
}
