package dev.loopwise.cli;

import dev.loopwise.cli.support.DatabaseCommand;
import dev.loopwise.common.CommandLineMessages;
import dev.loopwise.model.registry.version.ModelRegistry;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.monitoring.drift.MonitoringService;
import dev.loopwise.review.ReviewAdminService;
import dev.loopwise.review.item.ReviewView;
import dev.loopwise.review.judging.ReviewService;
import dev.loopwise.review.judging.ReviewStats;
import dev.loopwise.review.judging.ReviewTallies;
import dev.loopwise.review.judging.Submission;
import dev.loopwise.review.judging.TallyRollup;
import dev.loopwise.security.user.UserService;
import dev.loopwise.serving.ServingPipeline;
import dev.loopwise.ticket.Reply;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loopwise bench-history}: what each reviewer and admin operation costs on the demo database as it starts (with a
 * little history: {@link #BASELINE_SCALE}), and again after its history has grown to 2,000,000 served requests, 200,000
 * review items and 500,000 judgements (times {@code --scale}). Operations are timed by calling the services the pages
 * and endpoints call, in this process (no HTTP, no template rendering), one at a time.
 */
@Command(name = "bench-history", description = "Grow an empty demo database to a long history and print each review and drift "
        + "operation's p50/p95 before and after, as a table. Use a scratch database (LOOPWISE_DB_URL): it is filled with data.")
public class BenchHistoryCommand extends DatabaseCommand {
    static final int REVIEWERS = 20;
    /** The demo's start plus 0.2% of the history: 4,000 served requests, 400 items, 1,000 judgements. */
    static final double BASELINE_SCALE = 0.002;

    @Option(names = "--scale", defaultValue = "1", description = "Share of the full history to grow (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--iterations", defaultValue = "1000", description = "Timed runs of each operation that only reads (default: "
            + "${DEFAULT-VALUE}); submits use up review items, so at most " + CONSUMING + " of them, and refills and full drift "
            + "checks an eighth of that.")
    int iterations;

    /** Submits take items the starting history has about 400 of, and each timed pass runs twice (warm-up, measured). */
    static final int CONSUMING = 40;

    @Option(names = "--round-judgements", defaultValue = "0", description = "Also time an alignment round at both history sizes on "
            + "about this many new judgements (plus a replay of " + HistoryRounds.REPLAY + " older ones); 0: no rounds (default).")
    int roundJudgements;

    @Option(names = "--round-policy-tickets", defaultValue = "2000", description = "Tickets the timed rounds distil the policy on "
            + "besides the judged ones (default: ${DEFAULT-VALUE}).")
    int roundPolicyTickets;

    @Override
    protected boolean servesRequests() {
        return true;
    }

    @Override
    protected void checkOptions() {
        // Before the demo loads; one option at a time, as a list of four ranges and four values left the user to match them up.
        if (!(scale > 0 && scale <= 100)) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--scale", "above 0 and at most 100", scale));
        }
        if (iterations < 1) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--iterations", "1 or more", iterations));
        }
        if (roundJudgements < 0) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--round-judgements", "0 or more", roundJudgements));
        }
        if (roundPolicyTickets < 0) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--round-policy-tickets", "0 or more", roundPolicyTickets));
        }
    }

    @Override
    protected void configure() {
        System.setProperty("loopwise.demo.enabled", "true");
        // The scheduled check would take the drift lock in the middle of a timed one.
        System.setProperty("loopwise.monitoring.enabled", "false");
        // Items made ahead of demand and vectors of imported tickets are encoded in the background, on the same cores as
        // the operation being timed; here only the timed refill encodes, so each figure is the operation's own cost.
        System.setProperty("loopwise.review.top-up-between-periods", "false");
        System.setProperty("loopwise.review.keep-ahead-interval", "24h");
        System.setProperty("loopwise.review.ticket-vectors-interval", "24h"); // it encodes imported tickets every 30 s
        if (roundJudgements > 0) {
            new HistoryRounds(roundJudgements, roundPolicyTickets).configure();
        }
    }

    @Override
    protected int execute() throws Exception {
        HistoryGrowth growth = new HistoryGrowth(bean(AgroalDataSource.class));
        if (growth.requests() > 1_000) {
            System.err.println("loopwise: this database already has a history; bench-history needs a new, empty one.");
            return 2;
        }
        System.err.println("waiting for the demo's first model version to be trained...");
        int version = awaitModel();
        List<Long> reviewers = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < REVIEWERS; i++) {
            reviewers.add(bean(UserService.class).create("history-" + run + "-" + i, "bench-" + UUID.randomUUID(), "reviewer", null).id);
        }
        serve(250);
        // A little history, so that drift has its window, the queue can be refilled and the reviewers have figures; over
        // the 90 days the review-quality chart shows, so that the two databases differ in volume, not in days covered.
        HistoryGrowth.Sizes first = growth.grow(BASELINE_SCALE, "a", version, reviewers, Duration.ofDays(90));
        bean(ReviewTallies.class).rebuild();
        growth.vacuum();
        measure(reviewers, "warming up"); // a first pass warms the JVM up, so both measured passes run on compiled code
        Map<String, double[]> empty = measure(reviewers, "at the start");
        HistoryRounds rounds = new HistoryRounds(roundJudgements, roundPolicyTickets);
        HistoryRounds.Timing roundAtStart = roundJudgements > 0 ? rounds.measure(growth, "c", version, reviewers) : null;
        long start = System.nanoTime();
        System.err.println("growing the history...");
        HistoryGrowth.Sizes added = growth.grow(scale, "b", version, reviewers);
        bean(ReviewTallies.class).rebuild();
        bean(TallyRollup.class).rollUp(); // as the service's job would have done over the year the history spans
        growth.vacuum();
        System.err.printf("grown by %,d requests, %,d items, %,d judgements in %.0f s%n", added.requests(), added.items(), added.judgements(),
                (System.nanoTime() - start) / 1e9);
        Map<String, double[]> grown = measure(reviewers, "grown");
        HistoryRounds.Timing roundGrown = roundJudgements > 0 ? rounds.measure(growth, "d", version, reviewers) : null;
        System.out.printf("%-44s %9s %9s %11s %11s %9s%n", "operation (service calls, in process)", "start p50", "start p95",
                "grown p50", "grown p95", "p95 ratio");
        empty.forEach((name, e) -> {
            double[] g = grown.get(name);
            System.out.printf("%-44s %9.1f %9.1f %11.1f %11.1f %9.2f%n", name, e[0], e[1], g[0], g[1], g[1] / e[1]);
        });
        System.out.printf("start: the demo with %,d served requests, %,d review items, %,d judgements; grown: +%,d, +%,d, +%,d "
                + "(scale %s); times in ms%n", first.requests() + 250, first.items(), first.judgements(), added.requests(), added.items(),
                added.judgements(), scaleText(scale));
        if (roundJudgements > 0) {
            System.out.printf("alignment round (vector reward model, policy on %,d tickets), start: %s%n", roundPolicyTickets,
                    roundAtStart.describe());
            System.out.printf("alignment round, grown: %s; heap limit %,d MB%n", roundGrown.describe(), Runtime.getRuntime().maxMemory() >> 20);
        }
        return 0;
    }

    /**
     * @param pass "warming up" for a pass whose figures are thrown away: it refills once, because the starting history
     *             has unreviewed tickets for about eight refills and the measured pass needs five of them
     */
    private Map<String, double[]> measure(List<Long> reviewers, String pass) throws Exception {
        boolean warmUp = pass.equals("warming up");
        Map<String, double[]> results = new LinkedHashMap<>();
        ReviewStats stats = bean(ReviewStats.class);
        ReviewService review = bean(ReviewService.class);
        MonitoringService monitoring = bean(MonitoringService.class);
        EntityManager em = bean(EntityManager.class);
        long reviewer = reviewers.get(0);
        int few = Math.max(3, consuming() / 8);
        timed(results, pass, "GET /review (home)", HistoryTiming.of(iterations, () -> stats.home(reviewer)));
        timed(results, pass, "GET /review/judge", HistoryTiming.of(iterations, () -> stats.home(reviewer)));
        timed(results, pass, "POST /review/items/{id} (browser submit)", submits(reviewers, review, stats));
        timed(results, pass, "GET /admin/review", HistoryTiming.of(iterations, () -> {
            stats.overall();
            QuarkusTransaction.requiringNew().run(() -> {
                ReviewAdminService.pendingRewrites(50);
                Reply.countPending();
                ReviewAdminService.recentItems(15);
                ModelVersion.list("status", ModelVersion.CANDIDATE);
            });
            return null;
        }));
        timed(results, pass, "GET /admin/review/agreement (chart)", HistoryTiming.of(iterations, stats::alphaOverTime));
        timed(results, pass, "GET /api/v1/review/next (refills 40)", HistoryTiming.of(warmUp ? 1 : few, 0, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update review_items set status = 'complete' where status = 'open' and kind <> 'gold'")
                        .executeUpdate()), () -> review.next(reviewers.get(1))));
        monitoring.check(true); // the last check, so the next ones find no new traffic, as between bursts
        timed(results, pass, "drift check, nothing new (every 30 s)", HistoryTiming.of(iterations, () -> monitoring.check(false)));
        timed(results, pass, "drift check, full window", HistoryTiming.of(few, () -> monitoring.check(true)));
        return results;
    }

    /** --scale as given: "%.2f" printed 0.001 as 0.00, a history that seemed not grown at all. */
    static String scaleText(double scale) {
        return BigDecimal.valueOf(scale).stripTrailingZeros().toPlainString();
    }

    /** Said as each operation is done: a pass at --iterations 1000 takes minutes, which a silent terminal leaves to guesswork. */
    static void timed(Map<String, double[]> results, String pass, String operation, double[] figures) {
        results.put(operation, figures);
        System.err.printf("timed %s (%s)%n", operation, pass);
    }

    /** Timed runs of an operation that uses up the starting history's review items. */
    private int consuming() {
        return Math.min(iterations, CONSUMING);
    }

    /** Each reviewer takes an item (not timed) and submits it with the counters the page gets back (timed). */
    private double[] submits(List<Long> reviewers, ReviewService review, ReviewStats stats) {
        List<Double> times = new ArrayList<>();
        int count = consuming();
        for (int i = 0; times.size() < count && i < count * 3; i++) {
            long reviewer = reviewers.get(i % reviewers.size());
            Optional<ReviewView> item = review.next(reviewer);
            if (item.isEmpty()) {
                continue;
            }
            long begin = System.nanoTime();
            review.submit(reviewer, "bench", item.get().itemId(), new Submission("A", null, null, null, 3000));
            stats.counters(reviewer);
            times.add((System.nanoTime() - begin) / 1e6);
        }
        return HistoryTiming.percentiles(times);
    }

    private void serve(int requests) throws Exception {
        List<String> texts = QuarkusTransaction.requiringNew().call(() -> bean(EntityManager.class).createNativeQuery(
                "select text from tickets where intent_id is null order by id").setMaxResults(requests).getResultList());
        ServingPipeline pipeline = bean(ServingPipeline.class);
        for (int i = 0; i < requests; i++) {
            pipeline.submit(texts.get(i % texts.size()), true, "bench").get();
        }
    }

    private static int awaitModel() throws InterruptedException {
        ModelRegistry registry = bean(ModelRegistry.class);
        for (int waited = 0; waited < 1800; waited++) {
            Optional<Integer> version = registry.current().map(m -> m.version());
            if (version.isPresent()) {
                return version.get();
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("The demo's first model version did not become active within 30 minutes.");
    }
}
