package dev.loopwise.ticket;

/**
 * Whether the trigram index on the tickets' text (tickets_text_trgm_idx, migration V58) exists: V58 leaves it out where
 * pg_trgm could not be created. Asked once, at the first search after a start, so an index added by hand later is used
 * from the next start.
 */
public final class TicketTextIndex {
    private static volatile Boolean present;

    private TicketTextIndex() {
    }

    public static boolean present() {
        Boolean known = present;
        if (known == null) {
            known = (Boolean) Ticket.getEntityManager()
                    .createNativeQuery("select to_regclass('tickets_text_trgm_idx') is not null")
                    .getSingleResult();
            present = known;
        }
        return known;
    }

    /** Takes the index as present or absent until the next {@code assume(null)}, which asks the database again. */
    static void assume(Boolean known) {
        present = known;
    }
}
