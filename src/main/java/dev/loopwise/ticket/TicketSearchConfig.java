package dev.loopwise.ticket;

import dev.loopwise.common.config.SettingRange;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/** How long the Tickets page's search may look past the tickets next to the page ({@code LOOPWISE_TICKET_SEARCH_REST_MS}). */
@ConfigMapping(prefix = "loopwise.ticket-search")
public interface TicketSearchConfig {
    /**
     * Milliseconds the search of the tickets past the window may take before it is cancelled and the page shows the
     * window's matches alone: a text whose trigrams are all common makes that search read every ticket holding them, which
     * grows with the table (BENCHMARKS.md); a rare word takes a few tens of milliseconds.
     */
    @WithDefault("150")
    @WithConverter(SettingRange.StatementMillis.class)
    int restMs();
}
