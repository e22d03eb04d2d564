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

    public static void delete(long id) {
        QuarkusTransaction.requiringNew().run(() -> Intent.deleteById(id));
    }
}
