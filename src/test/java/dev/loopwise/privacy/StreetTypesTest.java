package dev.loopwise.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every street type written before the name masks its address: the pattern's first look at a text admits only the
 * types' first letters, so a type whose letter were missing would never match.
 */
class StreetTypesTest {
    private final PiiMasker masker = PiiMasker.all();

    @Test
    void everyTypeBeforeTheNameMasksItsAddress() {
        List<String> types = new ArrayList<>(StreetAddresses.TYPES_FIRST);
        StreetAddresses.TYPES_FIRST_ANY_CASE.forEach(type -> {
            types.add(type);
            types.add(Character.toUpperCase(type.charAt(0)) + type.substring(1));
        });
        for (String type : types) {
            String written = type.replace("\\.", ".");
            assertEquals("send it to [ADDRESS] please", masker.mask("send it to " + written + " Mayor 12 please"), written);
        }
    }
}
