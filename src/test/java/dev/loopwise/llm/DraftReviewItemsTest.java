package dev.loopwise.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.review.queue.ReviewItemGenerator;
import dev.loopwise.ticket.Reply;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Answers the LLM drafted for become review items: the served candidate against the best other servable one, when
 * one of them is a draft. The request log rows are written as the pipeline writes them (LlmServingTest checks that
 * it does), with candidates chosen so that each pairing rule is exercised.
 */
@QuarkusTest
class DraftReviewItemsTest {
    @Inject
    ReviewItemGenerator generator;
    @Inject
    EntityManager em;

    @AfterEach
    void tearDown() {
        // The policy's own refill may have taken these tickets too: none of their items may stay in the queue.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from review_items where strategy = 'drafts' or ticket_text like 'drafted ticket %'").executeUpdate());
        LlmServingTest.forgetDraftedAnswers(em);
    }

    @Test
    void aDraftIsPairedWithTheLibraryReplyOrAnotherDraftAndNeverAnUnservableOne() {
        int version = ActiveModel.await();
        Reply library = QuarkusTransaction.requiringNew().call(() -> Reply.listActive().get(0));
        String libraryText = "Hello, your order is on its way.";
        // Served from the library; the junk draft scored higher but was not servable; the servable draft is the runner-up.
        UUID one = logged(version, "library", library.id, libraryText, """
                [{"kind":"library","replyId":%d,"text":"%s","score":0.9,"chosen":true,"likeLibrary":null,"servable":true},
                 {"kind":"draft","replyId":null,"text":"Pasta on Fridays","score":3.0,"chosen":false,"likeLibrary":0.1,"servable":false},
                 {"kind":"draft","replyId":null,"text":"Your order is on its way, here is the link.","score":0.7,"chosen":false,"likeLibrary":0.8,"servable":true},
                 {"kind":"library","replyId":%d,"text":"Other library reply","score":0.2,"chosen":false,"likeLibrary":null,"servable":true}]"""
                .formatted(library.id, libraryText, library.id));
        // Served a draft; the runner-up is another draft.
        UUID two = logged(version, "llm", null, "Draft A", """
                [{"kind":"draft","replyId":null,"text":"Draft A","score":1.5,"chosen":true,"likeLibrary":0.7,"servable":true},
                 {"kind":"draft","replyId":null,"text":"Draft B","score":1.2,"chosen":false,"likeLibrary":0.6,"servable":true},
                 {"kind":"library","replyId":%d,"text":"%s","score":0.4,"chosen":false,"likeLibrary":null,"servable":true}]"""
                .formatted(library.id, libraryText));
        // Library against library: the policy's own items cover it, no draft item.
        UUID three = logged(version, "library", library.id, libraryText, """
                [{"kind":"library","replyId":%d,"text":"%s","score":0.9,"chosen":true,"likeLibrary":null,"servable":true},
                 {"kind":"library","replyId":%d,"text":"Other","score":0.5,"chosen":false,"likeLibrary":null,"servable":true},
                 {"kind":"draft","replyId":null,"text":"Weak draft","score":0.1,"chosen":false,"likeLibrary":0.7,"servable":true}]"""
                .formatted(library.id, libraryText, library.id));

        // A draft that copied the served library reply (spacing, line breaks and case aside) is passed over for the next one.
        UUID four = logged(version, "library", library.id, libraryText, """
                [{"kind":"library","replyId":%d,"text":"%s","score":0.9,"chosen":true,"likeLibrary":null,"servable":true},
                 {"kind":"draft","replyId":null,"text":"\\n\\t hello,  YOUR order is on its way.\\n","score":0.8,"chosen":false,"likeLibrary":1.0,"servable":true},
                 {"kind":"draft","replyId":null,"text":"It ships today.","score":0.3,"chosen":false,"likeLibrary":0.6,"servable":true}]"""
                .formatted(library.id, libraryText));

        generator.refill(QuarkusTransaction.requiringNew().call(ReviewItem::countOpen).intValue() + 8);

        ReviewItem first = item(one);
        assertEquals("drafts", first.strategy);
        assertEquals(List.of(ReviewItem.LIBRARY, ReviewItem.DRAFT), List.of(first.reply1Kind, first.reply2Kind));
        assertEquals(library.id, first.reply1Id);
        assertNull(first.reply2Id);
        assertEquals(List.of(libraryText, "Your order is on its way, here is the link."), List.of(first.reply1Text, first.reply2Text));
        ReviewItem second = item(two);
        assertEquals(List.of(ReviewItem.DRAFT, ReviewItem.DRAFT), List.of(second.reply1Kind, second.reply2Kind));
        assertEquals(List.of("Draft A", "Draft B"), List.of(second.reply1Text, second.reply2Text));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ReviewItem.count("sourceId = ?1 and strategy = 'drafts'",
                three.toString())));
        assertEquals(List.of(libraryText, "It ships today."), List.of(item(four).reply1Text, item(four).reply2Text));
    }

    private ReviewItem item(UUID request) {
        List<ReviewItem> items = QuarkusTransaction.requiringNew().call(() -> ReviewItem.<ReviewItem>list("sourceId", request.toString()));
        assertEquals(1, items.size(), "one item for request " + request);
        return items.get(0);
    }

    private UUID logged(int version, String source, Long replyId, String replyText, String candidates) {
        UUID id = UUID.randomUUID();
        String text = "drafted ticket " + id;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into served_requests (id, endpoint, text, text_hash, intent, confidence, out_of_scope, reply_id, reply_text,
                    model_version, latency_ms, caller, answer_source, llm_status, candidates, sources)
                values (?1, 'respond', ?2, md5(?2), 'track_order', 0.9, false, ?3, ?4, ?5, 12, 'test', ?6, 'ok: 2 drafts',
                    cast(?7 as jsonb), '[]'::jsonb)""").setParameter(1, id).setParameter(2, text).setParameter(3, replyId)
                .setParameter(4, replyText).setParameter(5, version).setParameter(6, source).setParameter(7, candidates).executeUpdate());
        return id;
    }
}
