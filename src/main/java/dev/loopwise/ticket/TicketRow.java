package dev.loopwise.ticket;

import java.util.Map;

/** One row of a ticket file, with the line it starts on (for error messages). */
public record TicketRow(int line, String text, String label, String response, String split,
                        Map<String, String> metadata) {
}
