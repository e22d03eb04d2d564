package dev.loopwise.model.registry;

import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.common.job.StatusWords;
import dev.loopwise.common.text.Counts;
import dev.loopwise.common.text.TemplateFormats;
import dev.loopwise.model.OutOfScopeThreshold;
import dev.loopwise.model.intent.IntentHead;
import dev.loopwise.model.registry.training.TrainingRun;
import dev.loopwise.model.registry.version.ModelActivation;
import dev.loopwise.model.registry.version.ModelService;
import dev.loopwise.model.registry.version.ModelVersion;
import io.quarkus.qute.TemplateExtension;
import java.util.List;
import java.util.Map;

/** How model metrics read on the admin pages. */
@TemplateExtension
public class ModelFormats {

    /**
     * The status as a badge reads it: a version whose round found it worse is "not promoted"; one whose round could not
     * decide yet reads as that round does, "not decided yet", since more evidence may still show it better (its round page
     * says what would decide it).
     */
    static String statusText(ModelVersion version) {
        String words = StatusWords.words(badgeClass(version));
        return version.weightsRemovedAt == null ? words : words + ", weights removed";
    }

    /** The badge's colour: an undecided round's version in the round's waiting colour, not in a rejection's red. */
    static String badgeClass(ModelVersion version) {
        return RoundVersionAdvice.undecided(version) ? RoundVersionAdvice.NEEDS_EVIDENCE : version.status;
    }

    /** Why the active version changed, as the lead reads it; the codes stay in the database and the API. */
    static String reasonText(ModelActivation activation) {
        String reason = activation.reason == null ? "" : activation.reason;
        return switch (reason) {
            case ModelService.FIRST_MODEL -> "the first version trained: it answers as soon as it is ready";
            case ModelService.PROMOTE -> "promoted by an admin";
            case ModelService.ROLLBACK -> "rolled back by an admin to a version that answered before";
            case "alignment" -> "a round promoted it: every check showed it picks the replies reviewers prefer more often";
            default -> reason.replace('_', ' ');
        };
    }

    /**
     * The round that made a version and measured it, when that round's figures are its only ones (it keeps its base's
     * intents, so the table's intent columns would be blanks); null otherwise.
     */
    static Object madeByRound(ModelVersion version) {
        Object round = version.lineage == null ? null : version.lineage.get("alignmentRound");
        return round != null && !(version.metrics != null && version.metrics.get("intent/accuracy") instanceof Number) ? round : null;
    }

    /** Below this many held-out tickets a share says next to nothing: "100.0%" of 3 tickets is one lucky draw. */
    static final int TOO_FEW_TO_JUDGE = 20;
    static final String TOO_FEW = "too few to judge";
    static final String TOO_FEW_NOTE = " (" + TOO_FEW + ")";

    /**
     * A rate metric as a percentage with one decimal, or "—" when the version has no such metric. A share of held-out
     * tickets; on too few of them, the count instead ("3 of 3"), and that it is too few to judge.
     */
    static String percent(ModelVersion version, String metric) {
        Object value = version.metrics.get(metric);
        if (!(value instanceof Number n)) {
            return "—";
        }
        int tickets = heldOut(version, metric);
        if (tickets > 0 && tickets < TOO_FEW_TO_JUDGE) {
            return Math.round(n.doubleValue() * tickets) + " of " + tickets + TOO_FEW_NOTE;
        }
        return String.format("%.1f%%", n.doubleValue() * 100);
    }

    /** How many held-out tickets a share was counted on; -1 when not recorded, or for a figure that is not a share. */
    static int heldOut(ModelVersion version, String metric) {
        int all = count(version, "data/test_tickets");
        int oos = count(version, "data/oos_test_tickets");
        return switch (metric) {
            case "intent/accuracy" -> all > 0 ? all : -1;
            case "intent/oos_recall" -> version.metrics.containsKey("data/oos_test_tickets") ? oos : -1;
            case "intent/handover_rate" -> all > 0 ? all - oos : -1;
            case "policy/agent_agreement", "policy/intent_consistency" -> version.metrics.get(metric + "_tickets") instanceof Number t
                    ? t.intValue() : -1;
            default -> -1;
        };
    }

    static String number(ModelVersion version, String metric) {
        Object value = version.metrics.get(metric);
        return value instanceof Number n ? String.format("%.3f", n.doubleValue()) : "—";
    }

    /** The out-of-scope threshold in plain words: what it does and what it was set on. */
    static String thresholdMeaning(ModelVersion version) {
        Object threshold = version.metrics.get("intent/threshold");
        if (!(threshold instanceof Number t)) {
            return "";
        }
        String does = t.doubleValue() < 0.005 ? "No ticket goes to a person just for the model being unsure of its intent (only"
                + " those it takes for requests you do not handle)"
                : String.format("A ticket goes to a person when the model is less than %.0f%% sure of its best intent", t.doubleValue() * 100);
        Object kept = version.metrics.get("intent/threshold_kept_share");
        Object examples = version.metrics.get("intent/threshold_oos_examples");
        int oos = examples instanceof Number n ? n.intValue() : 0;
        if (kept instanceof Number share) {
            String set = String.format("; the line was set so that %.0f in 100 of the tickets it was checked on are answered", share.doubleValue() * 100);
            if (examples == null) {
                return does + set + ". Add tickets with the intent oos (requests you do not handle) to let it learn what to hand over.";
            }
            return does + set + ". It cannot yet weigh catching requests you do not handle against answering: to place the line,"
                    + " training keeps a small group of its own tickets aside, and only " + oos + " of " + (oos == 1 ? "them is" : "them are")
                    + " labelled oos, where it needs " + OutOfScopeThreshold.MIN_OUT_OF_SCOPE_EXAMPLES + " — " + moreOutOfScope(version, oos)
                    + ". That group is a second set, " + apartFromTheFigures(version) + ".";
        }
        return does + "; the line balances answering against catching the " + oos + " out-of-scope tickets (requests you do not"
                + " handle) it was checked on, taken from the training tickets; the figures on this page use separate test tickets.";
    }

    /**
     * The line's own tickets are not the held-out ones the figures are measured on (two counts of oos tickets on one page
     * otherwise read as a contradiction), and why they are kept apart.
     */
    private static String apartFromTheFigures(ModelVersion version) {
        String figures = version.metrics.containsKey("data/oos_test_tickets")
                ? "the " + Counts.of(count(version, "data/oos_test_tickets"), "ticket") + " labelled oos and kept aside for measuring"
                : "the tickets kept aside for measuring";
        return "apart from " + figures + " that the figures above are measured on, so those figures stay a fair test of the line";
    }

    /** How many more oos tickets would give the threshold enough held-out ones, at the share this training held out. */
    private static String moreOutOfScope(ModelVersion version, int heldOut) {
        int tickets = count(version, "data/oos_train_tickets");
        if (heldOut == 0 || tickets < heldOut) {
            return "add tickets with the intent oos";
        }
        long more = (long) Math.ceil((double) OutOfScopeThreshold.MIN_OUT_OF_SCOPE_EXAMPLES * tickets / heldOut) - tickets;
        return "add about " + more + " more tickets labelled oos (requests you do not handle)";
    }

    /**
     * Which held-out tickets a figure of the version's page was measured on, with their number when the training recorded
     * it: each figure has its own share of them (the out-of-scope ones, those support answers, those with an agent's reply).
     */
    static String measuredOn(ModelVersion version, String metric) {
        int all = count(version, "data/test_tickets");
        int oos = count(version, "data/oos_test_tickets");
        Object tickets = version.metrics.get(metric + "_tickets");
        String counted = tickets instanceof Number n ? "of " + Counts.of(n.longValue(), "ticket") + " kept aside for measuring " : "of the tickets kept aside for measuring ";
        return switch (metric) {
            case "intent/accuracy", "intent/macro_f1" -> "of " + Counts.of(all, "ticket") + " kept aside for measuring";
            case "intent/oos_recall" -> "of " + Counts.of(oos, "ticket") + " labelled oos and kept aside for measuring";
            case "intent/handover_rate" -> "of " + Counts.of(all - oos, "ticket") + " kept aside for measuring that support answers";
            case "policy/agent_agreement" -> counted + "with an agent's reply";
            case "policy/intent_consistency" -> counted + "whose intent has replies";
            default -> "";
        };
    }

    static int count(ModelVersion version, String metric) {
        Object value = version.metrics.get(metric);
        return value instanceof Number n ? n.intValue() : 0;
    }

    /**
     * How many of the tickets trained on were kept aside at first but learned from, being in the words of a training
     * ticket: they are among the trained ones, not more of them, so the sentence must not read as an addition.
     */
    static String seenHeldOutNote(ModelVersion version) {
        int seen = count(version, "data/test_seen_tickets");
        if (seen == 0) {
            return "";
        }
        return ", " + (seen == 1 ? "one of them kept aside at first but in the words of a ticket it trained on, so it learned from it"
                : Counts.number(seen) + " of them kept aside at first but in the words of tickets it trained on, so it learned from them")
                + " instead";
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> confusions(ModelVersion version) {
        Object value = version.metrics.get("intent/confusions");
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** A version that never served is promoted; one that served before is rolled back to ({@link #restorable}). */
    static boolean promotable(ModelVersion version) {
        return !version.status.equals(ModelVersion.ACTIVE) && version.activatedAt == null && version.weightsRemovedAt == null;
    }

    /** An earlier version with the very same stored model (retraining on unchanged data does that), or null. */
    static Integer sameAs(ModelVersion version) {
        return version.checksum == null ? null : ModelVersion.<ModelVersion>find("checksum = ?1 and version < ?2 order by version",
                version.checksum, version.version).firstResultOptional().map(v -> v.version).orElse(null);
    }

    static boolean restorable(ModelVersion version) {
        return !version.status.equals(ModelVersion.ACTIVE) && version.activatedAt != null && version.weightsRemovedAt == null;
    }

    /** The alignment round that made this version, or null for a trained one. */
    static Object alignmentRound(ModelVersion version) {
        return version.lineage == null ? null : version.lineage.get("alignmentRound");
    }

    static Object baseVersion(ModelVersion version) {
        return version.lineage == null ? null : version.lineage.get("baseVersion");
    }

    static String regimeName(ModelVersion version) {
        Object round = alignmentRound(version);
        if (round != null) {
            // Its intents are its base version's; what it learned came from reviewers' judgements in that round.
            return "from reviewers' judgements (round " + round + ", on version " + baseVersion(version) + ")";
        }
        return switch (version.regime) {
            // The words of the Train form's choices, so that a version is named as it was asked for.
            case IntentHead.ZERO_SHOT -> "no examples (descriptions only)";
            case IntentHead.FEW_SHOT -> "few examples (each intent's examples)";
            case IntentHead.FINETUNE -> "fine-tuned reading model";
            default -> "quick (on top of the reading model)";
        };
    }

    static String when(TrainingRun run) {
        return TemplateFormats.when(run.createdAt);
    }

    static int percentDone(TrainingRun run) {
        return (int) Math.round(run.progress * 100);
    }

    /** A cancelled run says that nothing changed, in place of a bar stopped part-way; null for any other run. */
    static String cancelledNote(TrainingRun run) {
        return TrainingRun.CANCELLED.equals(run.status) ? LifecycleMessages.trainingCancelled(percentDone(run)) : null;
    }
}
