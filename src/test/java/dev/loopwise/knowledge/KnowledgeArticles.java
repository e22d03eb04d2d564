package dev.loopwise.knowledge;

import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.ValidatableResponse;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;

/** Small help-centre articles in each format, written for the tests, and how the tests send them. */
final class KnowledgeArticles {
    private KnowledgeArticles() {
    }

    static final String RETURNS_MD = """
            # Returns policy

            ## Returning an item
            You can return any unworn item within 30 days of delivery for a full refund. Print the prepaid return
            label from your account, pack the item in its original box and drop it at any post office.

            ## Refunds
            Refunds reach your card 5 to 7 working days after the returned parcel arrives at our warehouse.
            """;

    static final String RETURNS_MD_V2 = """
            # Returns policy

            ## Returning an item
            You can return any unworn item within 60 days of delivery for a full refund, free of charge.
            """;

    static final String SHIPPING_HTML = """
            <!DOCTYPE html><html><head><title>Shipping times</title>
            <link rel="canonical" href="https://help.example.com/shipping"><script>var tracking = 1;</script></head>
            <body><nav>Home · Help</nav><h1>Shipping times</h1>
            <h2>Standard delivery</h2><p>Standard parcels arrive in 3 to 5 working days within the country.</p>
            <h2>Express delivery</h2><ul><li>Orders placed before 2 pm ship the same day.</li>
            <li>Express parcels arrive the next working day.</li></ul></body></html>
            """;

    static final String ACCOUNT_JSONL = """
            {"id": "kb-101", "title": "Reset your password", "url": "https://help.example.com/password", "body": "Click **Forgot password** on the sign-in page. We email you a link that stays valid for one hour; open it and choose a new password."}
            {"ID": 102, "Title": "Change your email address", "URL": "https://help.example.com/email", "Body": "<p>Open <b>Account settings</b>, choose <i>Email</i> and confirm the new address from the message we send to it.</p>"}
            """;

    static final String RETURNS_TICKET = "Hi, the shoes I bought don't fit. How many days do I have to send them back and get my money?";

    /** Sends a file to the import API; a null body sends Latin-1 bytes, which are not UTF-8. */
    static ValidatableResponse upload(Caller admin, String name, String type, String body) {
        byte[] bytes = body == null ? "Caf\u00e9 cr\u00e8me".getBytes(StandardCharsets.ISO_8859_1) : body.getBytes(StandardCharsets.UTF_8);
        return admin.request().contentType(type).queryParam("name", name).body(bytes).post("/api/v1/knowledge/articles").then();
    }

    static long count(EntityManager em, String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
