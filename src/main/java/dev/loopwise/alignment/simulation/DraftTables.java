package dev.loopwise.alignment.simulation;

import java.io.PrintStream;
import java.util.List;

/** The table {@code loopwise simulate --drafts} prints: one row per checkpoint of each preference. */
final class DraftTables {
    private DraftTables() {
    }

    static void header(PrintStream out) {
        out.printf("%-16s %10s %-13s %8s %-22s %-22s %-22s %-22s %-17s %7s %8s%n", "preference", "judgements", "scorer", "RM acc",
                "best-of-n", "first draft", "random draft", "library (SFT)", "gain vs first", "drafts", "seconds");
    }

    /** A preference's rows, printed as soon as its run ends (a long run shows what it has measured so far). */
    static void rows(PrintStream out, PreferenceKind kind, List<DraftReport> reports) {
        for (DraftReport r : reports) {
            out.printf("%-16s %10d %-13s %8s %-22s %-22s %-22s %-22s %-17s %7.3f %8.1f%n", kind.label(), r.judgements(), r.scorer(),
                    r.heldOutAccuracy() == null ? "-" : String.format("%.3f", r.heldOutAccuracy()), r.share(r.bestOfN()),
                    r.share(r.firstDraft()), r.share(r.randomDraft()), r.share(r.sft()),
                    String.format("%+.3f…%+.3f", r.gain().low(), r.gain().high()), (double) r.servedDrafts() / r.tickets(), r.seconds());
        }
        out.flush();
    }

    static void legend(PrintStream out, int tickets, int drafts, double agreement) {
        out.println();
        out.println("Shares of " + tickets + " tickets kept aside for measuring whose answer is as good as the truly best of the candidates on offer ("
                + DraftSimulator.LIBRARY_CANDIDATES + " library replies and " + drafts + " drafts), with 95% Wilson intervals.");
        out.println("best-of-n: what serving sends (the highest-scored servable candidate); scorer: the policy's pair scorer before any");
        out.println("judgements, then the reward model trained on that many judgements of draft review items. RM acc: the reward model");
        out.printf("against the reviewers' verdicts kept aside for measuring, each (ticket, reply pair) once by its reviewers' majority, as the"
                + " round's gates count (a reviewer reports the truly better reply %.0f%% of the time). gain vs first: 95%%%n", agreement * 100);
        out.println("interval for best-of-n's share minus the first draft's, on the same tickets. drafts: share of answers best-of-n took from a draft.");
    }
}
