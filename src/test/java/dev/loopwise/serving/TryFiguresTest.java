package dev.loopwise.serving;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Try a ticket's figures read in plain words on the page, and what they are in machine-learning terms is said too, folded
 * away with the intents it weighed, so a lead never meets "softmax" unasked and an engineer finds it.
 */
@QuarkusTest
class TryFiguresTest {
    @Test
    void theMachineLearningTermsAreFoldedAwayWithTheIntentsItWeighed() {
        ActiveModel.await();
        Caller admin = Caller.session("admin");
        for (String ticket : new String[] {"Where is my parcel? It was due on Monday.", "What rhymes with orange?"}) {
            String page = admin.pageRequest().accept("text/html").formParam("ticket", ticket).formParam("csrf-token", admin.csrfToken())
                    .post("/admin/models/try").then().statusCode(200).extract().asString();
            int fold = page.indexOf("<summary>The intents it weighed</summary>");
            int terms = page.indexOf("id=\"try-ml-terms\"");
            assertTrue(fold > 0 && terms > fold && page.indexOf("</details>", fold) > terms, "the terms sit in the fold: " + page);
            String said = page.substring(terms, page.indexOf("</p>", terms)).replaceAll("\\s+", " ");
            assertTrue(said.contains("softmax probability") && said.contains("out-of-scope (oos) class")
                    && said.contains("held-out tickets"), said);
            assertTrue(page.substring(0, fold).indexOf("softmax") < 0, "no machine-learning term outside the fold");
        }
    }
}
