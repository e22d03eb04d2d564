package dev.loopwise.review.queue;

/**
 * What a refill did: how many items it made of those asked for and, when fewer, why — so that callers and the
 * admin's notice report what happened instead of guessing.
 */
public record Refill(int made, int asked, Shortfall shortfall) {
    /** Why a refill made fewer items than asked for (NONE when it made them all). */
    public enum Shortfall {
        NONE,
        /** No version serves yet, so no candidates exist. */
        NO_VERSION,
        /** The active version has fewer than two replies to put side by side. */
        TOO_FEW_REPLIES,
        /** Every ticket within reach (the newest window of served requests, a sample of older ones, imported tickets) has an item. */
        NOTHING_LEFT,
        /**
         * Nothing to make any item from, and none was ever made: no served request, and every imported ticket labelled (the
         * labelled ones teach the model and are not judged), as on a new installation.
         */
        NO_TICKETS,
        /** Enough items wait for reviewers already (only refills that keep the queue full stop there). */
        QUEUE_FULL,
        /** Another refill made items for the same tickets at the same moment. */
        TAKEN_MEANWHILE
    }

    static Refill of(int made, int asked, Shortfall why) {
        return new Refill(made, asked, made >= asked ? Shortfall.NONE : why);
    }

    /** Another refill may still find items to make: the queue was full, or items were made. */
    boolean foundSomething() {
        return made > 0 || shortfall == Shortfall.QUEUE_FULL;
    }
}
