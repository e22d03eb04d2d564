package dev.loopwise.review;

import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.Reply;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Intents named with a test's tag and rewrites waiting under them, made and removed in transactions of their own. */
final class ScratchRewrites {
    private final String tag;

    ScratchRewrites(String tag) {
        this.tag = tag;
    }

    Intent intent(String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Intent intent = new Intent();
            intent.name = name + "_" + tag;
            intent.description = "made by a test and removed after it";
            intent.persist();
            return intent;
        });
    }

    /** A reviewer's rewrite waiting for an admin's decision under {@code intent}. */
    long pending(Intent intent, String text) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Reply reply = new Reply();
            reply.intent = Intent.findById(intent.id);
            reply.text = text;
            reply.status = Reply.PENDING;
            reply.persist();
            return reply.id;
        });
    }

    void deleteAll() {
        QuarkusTransaction.requiringNew().run(() -> {
            Reply.delete("intent.name like ?1", "%" + tag + "%");
            Intent.delete("name like ?1", "%" + tag + "%");
        });
    }
}
