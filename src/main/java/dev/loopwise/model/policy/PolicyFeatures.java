package dev.loopwise.model.policy;

import dev.loopwise.ticket.SlotFiller;

/**
 * What the policy and reward model see of a ticket and a reply: the sentence vector, followed by
 * slot signals — for a ticket, which fillable values it contains (an order number, an email...);
 * for a reply, which of those slots it uses. Their product in the scorer's E(x)⊙E(a) term tells
 * whether a reply can be completed from the ticket, which a sentence vector barely encodes.
 */
public final class PolicyFeatures {
    private PolicyFeatures() {
    }

    public static float[] ticket(float[] embedding, String text) {
        return concat(embedding, SlotFiller.available(text));
    }

    public static float[] reply(float[] embedding, String template) {
        return concat(embedding, SlotFiller.used(template));
    }

    /** A written-out reply (an LLM draft) for this ticket: its slots count as used where it holds the ticket's values. */
    public static float[] draft(float[] embedding, String draft, String ticket) {
        return concat(embedding, SlotFiller.usedOrFilled(draft, ticket));
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = new float[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
