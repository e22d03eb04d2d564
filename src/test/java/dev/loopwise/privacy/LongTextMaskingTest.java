package dev.loopwise.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

/**
 * Masking runs on every ticket a reviewer opens and every exported pair, so a pasted log or spreadsheet must not
 * stall it: the texts that make it check the most candidates cost about half a second of CPU for 400 kB where this
 * was written; the bound is ten times that, so a slower machine passes but quadratic work does not.
 */
class LongTextMaskingTest {
    private static final int SIZE = 400_000;
    private static final long BOUND_NANOS = 5_000_000_000L;
    private final PiiMasker masker = PiiMasker.all();

    @Test
    void aLongTextOfNumbersCostsTimeInProportionToItsLength() {
        String[] units = {"1 ", "+1 23 ",
            "call 555-123-4567 or order #123-4567890 on 12.05.24 14.00 ",
            "Order FH-440033 for $1,299.99 on 2024-05-01, call +44 20 7946 0958, card 4111 1111 1111 1111. "};
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String unit : units) {
            String text = unit.repeat(SIZE / unit.length() + 1);
            masker.mask(text.substring(0, 20_000)); // the patterns are compiled and the code warm before timing
            long before = threads.getCurrentThreadCpuTime();
            String masked = masker.mask(text);
            long spent = threads.getCurrentThreadCpuTime() - before;
            assertTrue(spent < BOUND_NANOS, "'" + unit.strip() + "' x " + text.length() / unit.length() + " took "
                    + spent / 1_000_000 + " ms of CPU");
            if (unit.equals("1 ")) {
                assertEquals(text, masked, "digits one by one are no card or phone");
            }
        }
    }
}
