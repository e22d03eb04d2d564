package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A round's settings and lineage read as a person reads them, not as Java prints a list or a map. */
class RoundLineageWordsTest {

    @Test
    void reviewerWeightsArePercentagesByNameAndListsReadWithCommas() {
        Map<String, Object> lineage = new LinkedHashMap<>();
        lineage.put("replies", List.of(28, 29, 30));
        lineage.put("reviewerWeights", Map.of("2", 0.794, "3", 0.8239, "9", 0.5));
        lineage.put("importedPairs", 0);
        Map<String, Object> shown = RoundReport.lineage(lineage, Map.of(2L, "Demo reviewer1", 3L, "Demo reviewer2"));
        assertEquals("28, 29, 30", shown.get("replies"));
        assertEquals("Demo reviewer1 79%, Demo reviewer2 82%, user 9 50%", shown.get("reviewerWeights"));
        assertEquals(0, shown.get("importedPairs"));
        assertEquals(List.of("replies", "reviewerWeights", "importedPairs"), List.copyOf(shown.keySet()), "in the order recorded");
    }
}
