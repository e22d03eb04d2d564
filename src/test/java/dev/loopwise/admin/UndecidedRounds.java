package dev.loopwise.admin;

import dev.loopwise.alignment.round.AlignmentRound;
import dev.loopwise.alignment.round.RoundResult;
import dev.loopwise.alignment.round.RoundSettings;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A round that ended just now without deciding, its checks' estimates set by the test, having read every judgement so far. */
final class UndecidedRounds {
    private UndecidedRounds() {
    }

    static long ended(RoundResult.Gate... gates) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AlignmentRound round = new AlignmentRound();
            round.method = RoundSettings.REWARD_WEIGHTED;
            round.status = AlignmentRound.NEEDS_EVIDENCE;
            round.startedBy = "admin";
            round.startedAt = OffsetDateTime.now();
            round.finishedAt = OffsetDateTime.now();
            round.newUpto = ((Number) Panache.getEntityManager().createNativeQuery("select coalesce(max(id), 0) from judgements")
                    .getSingleResult()).longValue();
            round.gates = new ArrayList<>(List.of(gates));
            round.persist();
            return round.id;
        });
    }
}
