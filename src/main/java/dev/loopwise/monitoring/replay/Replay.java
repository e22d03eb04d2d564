package dev.loopwise.monitoring.replay;

import dev.loopwise.model.intent.IntentHead;
import dev.loopwise.model.intent.IntentPrediction;
import dev.loopwise.model.intent.IntentTrainer;
import dev.loopwise.model.intent.IntentTrainingConfig;
import dev.loopwise.model.intent.IntentTrainingData;
import dev.loopwise.model.intent.LabelledVectors;
import dev.loopwise.monitoring.drift.Confirmation;
import dev.loopwise.monitoring.drift.DriftDetector;
import dev.loopwise.monitoring.drift.DriftSettings;
import dev.loopwise.monitoring.drift.MonitoringConfig;
import dev.loopwise.monitoring.drift.Unfamiliar;
import dev.loopwise.ticket.TicketRow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A seeded replay for measuring the detector: some intents are held out of training, the classifier is
 * trained on the rest, and a stream of requests is checked every {@link #STRIDE} requests — optionally with
 * held-out intents arriving from a given request on.
 */
final class Replay {
    static final int STRIDE = 50;

    record Outcome(int falseAlarms, int delay, int checks, double millis, Set<String> signals) {
    }

    private final Map<String, float[]> vectors;
    private final DriftSettings settings;
    private final IntentHead head;
    private final DriftDetector.Reference reference;
    private final List<TicketRow> knownTest;
    private final List<TicketRow> novel;
    private final long seed;

    Replay(List<TicketRow> rows, Map<String, float[]> vectors, int heldOut, long seed, DriftSettings settings) {
        this.vectors = vectors;
        this.settings = settings;
        this.seed = seed;
        List<String> intents = new ArrayList<>(rows.stream().map(TicketRow::label).distinct().sorted().toList());
        Collections.shuffle(intents, new Random(seed));
        List<String> hidden = intents.subList(0, heldOut);
        List<String> known = intents.subList(heldOut, intents.size()).stream().sorted().toList();
        List<TicketRow> train = rows.stream().filter(r -> known.contains(r.label()) && !"test".equals(r.split())).toList();
        // Half the known test tickets play the version's held-out set (its intent mix, confidence and familiarity), the
        // other half the customers: in service, traffic is never the held-out tickets themselves.
        List<TicketRow> test = new ArrayList<>(rows.stream().filter(r -> known.contains(r.label()) && "test".equals(r.split())).toList());
        Collections.shuffle(test, new Random(seed + 2));
        List<TicketRow> calibration = test.subList(0, test.size() / 2);
        knownTest = test.subList(test.size() / 2, test.size());
        novel = rows.stream().filter(r -> hidden.contains(r.label())).toList();
        LabelledVectors trainVectors = new LabelledVectors(train.stream().map(r -> vectors.get(r.text())).toArray(float[][]::new),
                train.stream().mapToInt(r -> known.indexOf(r.label())).toArray());
        head = IntentTrainer.train(IntentTrainingConfig.defaults(seed),
                new IntentTrainingData(known, trainVectors, new LabelledVectors(new float[0][], new int[0]), null, null)).head();
        List<TicketRow> sample = new ArrayList<>(train);
        Collections.shuffle(sample, new Random(seed + 1));
        Map<String, Integer> mix = new LinkedHashMap<>();
        double confidence = 0;
        double oos = 0;
        List<float[]> answered = new ArrayList<>();
        for (TicketRow r : calibration) {
            IntentPrediction p = head.predict(vectors.get(r.text()));
            confidence += p.confidence();
            oos += p.outOfScope() ? 1 : 0;
            mix.merge(p.outOfScope() ? DriftDetector.OUT_OF_SCOPE : p.label(), 1, Integer::sum);
            if (!p.outOfScope()) {
                answered.add(vectors.get(r.text()));
            }
        }
        float[][] neighbours = sample.stream().limit(MonitoringConfig.NEIGHBOURS).map(r -> vectors.get(r.text())).toArray(float[][]::new);
        reference = new DriftDetector.Reference(sample.stream().limit(settings.referenceSample()).map(r -> vectors.get(r.text()))
                .toArray(float[][]::new), neighbours, mix, confidence / calibration.size(), oos / calibration.size(),
                Unfamiliar.familiarity(answered.toArray(float[][]::new), neighbours, false));
    }

    Outcome run(int requests, int shiftAt, double shareAfterShift) {
        Random random = new Random(seed * 31 + (shiftAt == Integer.MAX_VALUE ? 0 : 1));
        Deque<TicketRow> window = new ArrayDeque<>();
        Confirmation confirmation = new Confirmation(2);
        int falseAlarms = 0;
        Set<String> signals = new TreeSet<>();
        int checks = 0;
        double millis = 0;
        for (int r = 1; r <= requests; r++) {
            boolean fromNew = r > shiftAt && random.nextDouble() < shareAfterShift;
            List<TicketRow> pool = fromNew ? novel : knownTest;
            window.addLast(pool.get(random.nextInt(pool.size())));
            if (window.size() > settings.window()) {
                window.removeFirst();
            }
            if (window.size() < settings.window() || r % STRIDE != 0) {
                continue;
            }
            long start = System.nanoTime();
            DriftDetector.Report report = DriftDetector.check(reference, window(new ArrayList<>(window)), settings);
            millis += (System.nanoTime() - start) / 1e6;
            checks++;
            Set<String> raised = confirmation.update(report.alerts());
            boolean confirmed = !raised.isEmpty();
            signals.addAll(raised);
            if (confirmed && r <= shiftAt) {
                falseAlarms++;
            } else if (confirmed) {
                return new Outcome(falseAlarms, r - shiftAt, checks, millis, signals);
            }
        }
        return new Outcome(falseAlarms, shiftAt == Integer.MAX_VALUE ? 0 : -1, checks, millis, signals);
    }

    private DriftDetector.Window window(List<TicketRow> rows) {
        float[][] x = rows.stream().map(r -> vectors.get(r.text())).toArray(float[][]::new);
        List<String> intents = new ArrayList<>();
        double[] confidence = new double[x.length];
        boolean[] oos = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            IntentPrediction p = head.predict(x[i]);
            intents.add(p.label());
            confidence[i] = p.confidence();
            oos[i] = p.outOfScope();
        }
        return new DriftDetector.Window(x, rows.stream().map(TicketRow::text).toList(), intents, confidence, oos, 0, 0, 0, 0);
    }
}
