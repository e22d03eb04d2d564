package dev.loopwise.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An Accept header of thousands of junk parts made every part a thrown parse on the event loop; only the first parts
 * that can name a type are read, and a normal header reads as before.
 */
class AcceptPartsTest {
    @Test
    void onlyTheFirstPartsThatCanNameATypeAreRead() {
        assertEquals(List.of("text/html", "application/json;q=0.9", "*/*;q=0.1"),
                RouteRules.acceptParts(" text/html, x, application/json;q=0.9 ,, /, */*;q=0.1"));
        String junk = "text/html," + "x,".repeat(10_000) + "application/json";
        assertEquals(List.of("text/html"), RouteRules.acceptParts(junk));
        List<String> many = RouteRules.acceptParts("a/b,".repeat(1_000));
        assertEquals(RouteRules.ACCEPT_PARTS_READ, many.size());
    }

    @Test
    void aPageFormsWidenedHeaderKeepsTheCallersTypesAndDropsTheJunk() {
        assertEquals("text/html, " + AcceptHeader.ANY_AT_LAST, AcceptHeader.widened("text/html," + "x,".repeat(10_000)));
        assertEquals("application/json, " + AcceptHeader.ANY_AT_LAST, AcceptHeader.widened("garbage/, application/json"));
    }

    @Test
    void typesPastTheReadPartsAreNotLookedFor() {
        List<String> produces = List.of("application/json");
        assertTrue(RouteRules.acceptsAny("text/html, application/json", produces));
        assertFalse(RouteRules.acceptsAny("text/html, x/y;q=0", produces));
        assertFalse(RouteRules.acceptsAny("text/plain,".repeat(RouteRules.ACCEPT_PARTS_READ) + "application/json", produces));
    }
}
