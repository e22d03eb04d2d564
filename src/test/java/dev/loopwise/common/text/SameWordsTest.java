package dev.loopwise.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Java and PostgreSQL call the same pairs of replies the same words. */
@QuarkusTest
class SameWordsTest {
    @Inject
    EntityManager em;

    @Test
    void javaAndPostgresqlAgreeOnUnicodeSpacingAndCase() {
        List<String[]> pairs = List.of(
                new String[] {"Your parcel is on its way.", "  your PARCEL is\ton its\nway. "},
                new String[] {"Refund\u00a0sent.", "refund sent."}, // a no-break space pasted from a web page
                new String[] {"Refund\u2003sent.", "refund sent."}, // an em space
                new String[] {"\u3000Refund sent.\u3000", "refund sent."}, // ideographic spaces at both ends
                new String[] {"Refund\u200bsent.", "refund sent."}, // a zero-width space is not a space: other words
                new String[] {"Refund sent.", "Refund sent!"},
                new String[] {"", "   "});
        for (String[] pair : pairs) {
            boolean inDatabase = QuarkusTransaction.requiringNew().call(() -> (Boolean) em.createNativeQuery(
                    "select " + SameWords.sql("cast(?1 as text)") + " = " + SameWords.sql("cast(?2 as text)"))
                    .setParameter(1, pair[0]).setParameter(2, pair[1]).getSingleResult());
            assertEquals(inDatabase, SameWords.same(pair[0], pair[1]), "'" + pair[0] + "' and '" + pair[1] + "'");
        }
        assertEquals(List.of(true, true, true, true, false, false, true),
                pairs.stream().map(p -> SameWords.same(p[0], p[1])).toList());
    }
}
