package dev.loopwise.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.monitoring.drift.MonitoringConfig;
import dev.loopwise.monitoring.replay.ReplayService;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A replay's answer tells, for each drift check, how many of the file's tickets had been sent when it ran: the count of
 * the file's tickets, from its first, up to the end of the slice the check followed. A check needs a full monitoring
 * stride of new requests, so the last slice of a file that does not divide evenly is sent but not checked.
 */
@QuarkusTest
class ReplayAnswerTest {
    @Inject
    ReplayService replay;
    @Inject
    ApiKeyService keys;
    @Inject
    MonitoringConfig monitoring;

    @Test
    void eachCheckSaysHowManyTicketsCameBeforeIt() {
        ActiveModel.await();
        List<String> familiar = new ArrayList<>(DemoWorkspace.read("tickets.csv").stream().map(r -> r.get("text")).toList());
        Collections.shuffle(familiar, new Random(7));
        // A full window of traffic, checked at its end: whatever other tests served before, the replay below starts with a
        // window to check and no requests since the last check.
        int stride = monitoring.stride();
        ReplayService.Replayed warm = replay.replay(familiar.subList(0, monitoring.window()), "replay-answer-test", monitoring.window());
        assertFalse(warm.checks().isEmpty(), "the window of traffic was checked");

        int sent = 2 * stride + stride / 2;
        String file = "text\n" + familiar.subList(monitoring.window(), monitoring.window() + sent).stream()
                .map(text -> "\"" + text.replace("\"", "\"\"") + "\"").collect(Collectors.joining("\n")) + "\n";
        JsonPath answer = Caller.apiKey(keys, "admin").request().contentType("text/csv").queryParam("stride", stride)
                .body(file.getBytes(StandardCharsets.UTF_8)).post("/api/v1/drift/replay").then().statusCode(200).extract().jsonPath();
        assertEquals(sent, answer.getInt("requests"));
        assertEquals(0, answer.getInt("failed"));
        assertEquals(List.of(stride, 2 * stride), answer.getList("checks.afterRequests", Integer.class),
                "a check after each full stride, none after the last half stride");
    }
}
