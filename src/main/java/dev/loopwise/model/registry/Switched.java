package dev.loopwise.model.registry;

import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.model.registry.version.ModelActivation;
import dev.loopwise.model.registry.version.ModelService;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.security.SessionStamps;
import dev.loopwise.security.account.NoticeWindow;
import java.util.Optional;

/**
 * The line Models shows after Promote or Roll back. Without it a rollback landed on a list whose advice could still be
 * about the newer version ("roll back to v2 if customers need it"), and nothing said the press had done anything.
 */
final class Switched {
    private static final String PURPOSE = "models-switched";

    private Switched() {
    }

    /**
     * The address the press sends its admin to: it names the change the press recorded, not a version, so the line is
     * about what this press did and not about whatever the address claims. The seal tells it from the same change made
     * by the same admin through the API with their own key, which records it alike but pressed nothing on the page.
     */
    static String address(int version, String admin, SessionStamps stamps) {
        return ModelActivation.newestOf(version).map(change -> "/admin/models?switched=" + change.id + "&seal="
                + stamps.seal(PURPOSE, sealed(change.id, admin))).orElse("/admin/models");
    }

    /**
     * What the press changed, or nothing: a change that is not the newest any more (someone switched again since), one
     * made by someone else or not by a press (a training's first version, a round), one from long ago (a bookmark), or an
     * address typed by hand must not make the page say a version serves when another does, or that this admin did something.
     */
    static String notice(String change, String seal, String admin, SessionStamps stamps) {
        if (change == null || !change.matches("[0-9]{1,18}") || admin == null) {
            return null;
        }
        long id = Long.parseLong(change);
        if (!stamps.sealed(PURPOSE, sealed(id, admin), seal)) {
            return null;
        }
        Optional<ModelActivation> newest = ModelActivation.recent(1).stream().findFirst();
        return newest.filter(made -> made.id == id && admin != null && admin.equals(made.actor) && byPress(made)
                        && NoticeWindow.justNow(made.createdAt)
                        && ModelVersion.findActive().filter(active -> active.version == made.version).isPresent())
                .map(made -> LifecycleMessages.nowActive(made.version, ModelService.ROLLBACK.equals(made.reason))).orElse(null);
    }

    private static String sealed(long change, String admin) {
        return admin + "\0" + change;
    }

    private static boolean byPress(ModelActivation change) {
        return ModelService.PROMOTE.equals(change.reason) || ModelService.ROLLBACK.equals(change.reason);
    }
}
