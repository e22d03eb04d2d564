package dev.loopwise.ticket;

import dev.loopwise.common.file.Place;
import java.util.Map;

/** One row of a ticket file, with where it is in the file (for error messages). */
public record TicketRow(Place line, String text, String label, String response, String split,
                        Map<String, String> metadata) {
}
