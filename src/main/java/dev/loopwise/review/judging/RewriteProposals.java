package dev.loopwise.review.judging;

import dev.loopwise.review.item.Judgement;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.Reply;

/** A reviewer's rewrite, filed as a pending library reply under the intent of the reply it rewrote. */
final class RewriteProposals {
    private RewriteProposals() {
    }

    static void propose(ReviewItem item, Judgement judgement, String reviewerName) {
        // A draft has no library reply: the rewrite takes the intent from the library side, or the predicted one.
        Reply based = item.reply1Id != null ? Reply.findById(item.reply1Id) : item.reply2Id != null ? Reply.findById(item.reply2Id) : null;
        Intent fallback = based == null ? null : based.intent;
        Intent intent = item.predictedIntent == null ? fallback : Intent.findByName(item.predictedIntent).orElse(fallback);
        if (intent == null) {
            return; // two drafts for a ticket of no known intent: nothing in the library to file the rewrite under
        }
        if (Reply.count("text = ?1 and status = ?2", judgement.rewrite, Reply.ACTIVE) > 0) {
            return; // a library reply typed or pasted again proposes nothing new; the judgement keeps it
        }
        Reply proposal = new Reply();
        proposal.intent = intent;
        proposal.text = judgement.rewrite;
        proposal.status = Reply.PENDING;
        proposal.source = "rewrite";
        proposal.judgementId = judgement.id;
        proposal.createdBy = reviewerName;
        proposal.persist();
    }
}
