package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.ticket.Intent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A figure's label agrees with it: a new installation's one admin is "1 user", not "1 users". */
@QuarkusTest
class StatTilesTest {

    @Test
    @ActivateRequestContext
    void theOverviewsTilesReadInTheSingularForOne() {
        Intent intent = new Intent();
        intent.name = "track_order";
        intent.description = "Where is my parcel";
        List<AdminPage.IntentRow> one = List.of(new AdminPage.IntentRow(intent, 1, 1));
        String single = AdminPage.Templates.overview(new FirstWeek.Guide(List.of(), null), one, 1, 1, 1, List.of(), "/review").render();
        for (String tile : List.of("intent", "labelled ticket", "ticket in all", "user")) {
            assertTrue(single.contains(">1</span><span class=\"label\">" + tile + "</span>"), tile + ": " + single);
        }
        String several = AdminPage.Templates.overview(new FirstWeek.Guide(List.of(), null), List.of(), 2, 3, 4, List.of(), "/review").render();
        for (String tile : List.of(">0</span><span class=\"label\">intents<", ">2</span><span class=\"label\">labelled tickets<",
                ">3</span><span class=\"label\">tickets in all<", ">4</span><span class=\"label\">users<")) {
            assertTrue(several.contains(tile), tile + ": " + several);
        }
    }
}
