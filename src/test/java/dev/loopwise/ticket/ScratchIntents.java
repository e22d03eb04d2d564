package dev.loopwise.ticket;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** An intent with no tickets and no replies, for a test to create and delete again (other tests train on the workspace). */
public final class ScratchIntents {
    private ScratchIntents() {
    }

    public static long create(String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Intent bare = new Intent();
            bare.name = name;
            bare.description = "";
            bare.persist();
            return bare.id;
        });
    }

    /** Removes the tickets and intents a test marked with its tag, for tests that name everything they make after it. */
    public static void deleteTagged(String tag) {
        QuarkusTransaction.requiringNew().run(() -> {
            Ticket.delete("text like ?1", "%" + tag + "%");
            Intent.delete("name like ?1", "%" + tag + "%");
        });
    }

    public static void delete(long id) {
        QuarkusTransaction.requiringNew().run(() -> Intent.deleteById(id));
    }

    /**
     * Removes an intent a test labelled tickets or wrote replies into, with those rows, so that tests which train on the
     * workspace or list its intents later in the run do not find it. A reply a review item was made of stays (the item
     * needs it), and then the intent stays too.
     */
    public static void deleteWithTickets(String name) {
        QuarkusTransaction.requiringNew().run(() -> Intent.findByName(name).ifPresent(intent -> {
            var em = Intent.getEntityManager();
            em.createNativeQuery("delete from tickets where intent_id = ?1").setParameter(1, intent.id).executeUpdate();
            em.createNativeQuery("delete from replies r where r.intent_id = ?1 and not exists "
                    + "(select 1 from review_items i where i.reply1_id = r.id or i.reply2_id = r.id)")
                    .setParameter(1, intent.id).executeUpdate();
            em.createNativeQuery("delete from intents i where i.id = ?1 and not exists (select 1 from replies r where r.intent_id = i.id)")
                    .setParameter(1, intent.id).executeUpdate();
        }));
    }

    /** Removes the intents named {@code prefix} and more that hold neither tickets nor replies (made by a form a test posted). */
    public static void deleteBareStartingWith(String prefix) {
        QuarkusTransaction.requiringNew().run(() -> Intent.getEntityManager().createNativeQuery("delete from intents i "
                + "where starts_with(i.name, ?1) and not exists (select 1 from tickets t where t.intent_id = i.id) "
                + "and not exists (select 1 from replies r where r.intent_id = i.id)").setParameter(1, prefix).executeUpdate());
    }
}
