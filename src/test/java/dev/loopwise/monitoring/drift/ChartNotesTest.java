package dev.loopwise.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each drift chart says in words what its figure is measured in, what is large, and where the newest check stands. */
class ChartNotesTest {
    private static final Map<String, Object> THRESHOLDS = Map.of("input/p_value", 0.01, "input/mmd2", 0.002,
            "prediction/psi_excess", 0.25, "prediction/confidence_drop", 0.15, "prediction/oos_rise", 0.15,
            "outcome/thumbs_down_rate", 0.3, "outcome/non_first_choice_rate", 0.6, "window", 200, "confirmations", 2, "stride", 50);

    private static DriftOverview.Overview newest(String signals) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode latest = signals == null ? null : json.readTree("{\"signals\": " + signals + "}");
        return new DriftOverview.Overview(1, latest, THRESHOLDS, json.createArrayNode(), json.createArrayNode(), json.createArrayNode());
    }

    @Test
    void aDifferenceSaysItHasNoUnitAndWhereItsLineIs() throws Exception {
        String small = ChartNotes.note("input/mmd2", newest("{\"input/mmd2\": 0.000443}"));
        assertTrue(small.startsWith("A score without a unit: 0 when new requests read like the tickets the version learned from")
                && small.contains("Above 0.002 (the dashed line)") && small.endsWith("The newest check is under the dashed line."), small);
        assertTrue(!small.contains("0.000443"), "the raw value stays in the chart's fold: " + small);
        String large = ChartNotes.note("input/mmd2", newest("{\"input/mmd2\": 0.0434}"));
        assertTrue(large.endsWith("The newest check is past the dashed line, about 22 times as high."), large);
        // Just below zero by chance is no difference, as the chart draws it.
        assertTrue(ChartNotes.note("input/mmd2", newest("{\"input/mmd2\": -0.004}")).endsWith("under the dashed line."));
    }

    @Test
    void aChanceIsSaidAsOneInSoMany() throws Exception {
        String real = ChartNotes.note("input/p_value", newest("{\"input/p_value\": 0.004975}"));
        assertTrue(real.contains("Under 0.01 (the dashed line, 1 in 100)") && real.endsWith("The newest check: about 1 in 200, so not luck."), real);
        assertTrue(ChartNotes.note("input/p_value", newest("{\"input/p_value\": 0.23}")).endsWith("about 1 in 4, which luck may explain."));
        assertTrue(ChartNotes.note("input/p_value", newest("{\"input/p_value\": 0.8}")).endsWith("luck explains it easily."));
    }

    @Test
    void aMixShiftSaysWhatIsSmallAndWhatIsLarge() throws Exception {
        String shift = ChartNotes.note("prediction/psi", newest("{\"prediction/psi\": 0.2, \"prediction/psi_by_chance\": 0.0869}"));
        assertTrue(shift.contains("under 0.1 is a small shift, 0.25 or more a large one") && shift.contains("chance alone gives about"
                + " 0.087, so the dashed line is 0.25 above that.") && shift.endsWith("The newest check is under the dashed line."), shift);
        assertTrue(ChartNotes.note("prediction/psi", newest("{\"prediction/psi\": 0.418, \"prediction/psi_by_chance\": 0.0869}"))
                .endsWith("The newest check is past the dashed line."));
    }

    @Test
    void countsAndSharesSayWhatTheyAreOf() throws Exception {
        String unfamiliar = ChartNotes.note("input/new_topic_requests", newest("{\"input/new_topic_requests\": 73, \"input/new_topic_alert_line\": 43}"));
        assertEquals("A count of requests, out of the newest 200. The dashed line is how many would be too many for chance."
                + " The newest check counts 73 of 200; the dashed line was at 43.", unfamiliar);
        assertTrue(ChartNotes.note("prediction/oos_rate", newest("{\"prediction/oos_rate\": 0.205}")).contains("more than 15 points above")
                && ChartNotes.note("prediction/oos_rate", newest("{\"prediction/oos_rate\": 0.205}")).endsWith("The newest check: 21%."));
        assertTrue(ChartNotes.note("outcome/thumbs_down_rate", newest("{\"outcome/thumbs_down_rate\": null}")).endsWith("Over 30% (the dashed"
                + " line) is too many."), "nothing measured yet: no newest check");
        assertTrue(ChartNotes.note("prediction/mean_confidence", newest(null)).startsWith("A percentage: how sure the version is"));
    }
}
