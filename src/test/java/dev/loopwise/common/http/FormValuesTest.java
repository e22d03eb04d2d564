package dev.loopwise.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ApiException;
import org.junit.jupiter.api.Test;

/** Options and toggles are read strictly, and a field that was not sent keeps its default. */
class FormValuesTest {
    @Test
    void anOptionIsOneOfItsValuesOrRefusedWithThem() {
        assertEquals("disabled", FormValues.oneOf("status", "disabled", "enabled", "disabled"));
        assertNull(FormValues.oneOf("status", null, "enabled", "disabled"), "not sent");
        ApiException refused = assertThrows(ApiException.class, () -> FormValues.oneOf("status", "Disabled", "enabled", "disabled"));
        assertEquals("'status' cannot be 'Disabled': use 'enabled' or 'disabled'.", refused.getMessage());
        assertEquals(400, refused.status.getStatusCode());
    }

    @Test
    void aToggleIsTrueOrFalseInAnyCaseAndNothingElse() {
        assertTrue(FormValues.bool("force", "TRUE", false));
        assertFalse(FormValues.bool("force", "false", true));
        assertTrue(FormValues.bool("force", null, true), "not sent: the default");
        assertFalse(FormValues.bool("force", "", false), "sent empty: the default");
        assertThrows(ApiException.class, () -> FormValues.bool("force", "yes", true));
        assertThrows(ApiException.class, () -> FormValues.bool("force", "1", true));
    }
}
