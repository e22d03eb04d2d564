package dev.loopwise.serving;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.encoder.EncoderService;
import dev.loopwise.model.registry.version.ModelRegistry;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.model.registry.version.ServingModel;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When Try a ticket shows a reply written for another intent than the one read, it says what taught the version that
 * choice: the agents' answers to similar tickets for a trained version, reviewers' choices only for one a round made (it
 * once said reviewers' for every version, before anyone had judged anything).
 */
@QuarkusTest
class TryReplyIntentTest {
    @Inject
    ModelRegistry registry;
    @Inject
    EncoderService encoders;

    @Test
    void aReplyFromAnotherIntentSaysWhatTaughtTheVersion() {
        ActiveModel.await();
        ServingModel model = registry.current().orElseThrow();
        List<String> tickets = new ArrayList<>(List.of("{{order_number}} where is it"));
        tickets.addAll(DemoWorkspace.read("traffic.csv").stream().map(r -> r.get("text")).toList());
        tickets.addAll(DemoWorkspace.read("traffic-shifted.csv").stream().map(r -> r.get("text")).toList());
        List<ServingModel.Decision> decisions = model.decideAll(encoders.encode(model.encoder(), tickets), tickets,
                Collections.nCopies(tickets.size(), true));
        String crossing = null;
        for (int i = 0; i < tickets.size() && crossing == null; i++) {
            ServingModel.Decision d = decisions.get(i);
            crossing = d.reply() != null && !d.reply().intent().equals(d.intent().label()) ? tickets.get(i) : null;
        }
        assertNotNull(crossing, "one of the demo's tickets gets a reply written for another intent");
        boolean fromRound = QuarkusTransaction.requiringNew().call(() -> ModelVersion.findByVersion(model.version())
                .map(v -> v.lineage != null && v.lineage.get("alignmentRound") != null).orElseThrow());
        Caller admin = Caller.session("admin");
        String page = admin.pageRequest().accept("text/html").formParam("ticket", crossing).formParam("csrf-token", admin.csrfToken())
                .post("/admin/models/try").then().statusCode(200).extract().asString();
        String said = page.substring(page.indexOf("id=\"try-reply-intent\""));
        said = said.substring(0, said.indexOf("</p>")).replaceAll("\\s+", " ");
        assertTrue(said.contains("This reply was written for"), said);
        assertTrue(said.contains(fromRound ? "reviewers' choices taught it" : "the replies your agents sent to tickets like this one"),
                "v" + model.version() + (fromRound ? " from a round: " : " trained: ") + said);
        assertFalse(said.contains(fromRound ? "agents sent" : "reviewers"), said);
    }
}
