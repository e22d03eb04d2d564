package dev.loopwise.alignment.round;

import dev.loopwise.common.RoundMessages;
import dev.loopwise.model.registry.version.ModelActivation;
import dev.loopwise.model.registry.version.ModelVersion;

/**
 * A round that did not promote its version may still have changed what customers got: an admin can promote that version
 * by hand, and roll back from it. The record of switches of the active version says when.
 */
final class RoundVersionServed {
    private RoundVersionServed() {
    }

    /** What customers got from the round's version since, in words; null when it never answered them. */
    static String since(AlignmentRound round) {
        if (round.candidateVersion == null) {
            return null;
        }
        int version = round.candidateVersion;
        ModelActivation first = ModelActivation.find("version = ?1 order by id", version).firstResult();
        if (first == null) {
            return null;
        }
        boolean again = ModelActivation.find("version = ?1 and id > ?2", version, first.id).firstResultOptional().isPresent();
        if (ModelVersion.count("version = ?1 and status = ?2", version, ModelVersion.ACTIVE) > 0) {
            return RoundMessages.servedByHand(version, first.createdAt, again, true, null, null);
        }
        ModelActivation left = ModelActivation.find("previousVersion = ?1 order by id desc", version).firstResult();
        return RoundMessages.servedByHand(version, first.createdAt, again, false, left == null ? null : left.createdAt,
                left == null ? null : left.version);
    }
}
