package dev.loopwise.privacy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the masker's cost grows with hostile text: thread-CPU milliseconds (so other load on the machine barely moves
 * them) for each kind alone and for all kinds together, on texts made by repeating one fragment to each length asked.
 * A masker linear in the text's length shows the same microseconds per thousand characters at every length.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) dev.loopwise.privacy.MaskingBenchmark 20000 1600000</pre>
 */
public final class MaskingBenchmark {
    /** Fragments repeated to the length asked: each feeds a different rule many candidates it must turn away. */
    static final Map<String, String> FRAGMENTS = fragments();

    private static Map<String, String> fragments() {
        Map<String, String> fragments = new LinkedHashMap<>();
        fragments.put("digits with spaces", "1234 5678 9012 ");
        fragments.put("digit, space", "1 ");
        fragments.put("\"+1 (\"", "+1 (");
        fragments.put("\"+1 (555) \"", "+1 (555) ");
        fragments.put("\"a@a.a\"", "a@a.a");
        fragments.put("digit, punctuation", "1-2.3(4)5/6+7 ");
        fragments.put("digit, dash", "1-");
        fragments.put("addresses", "12 Main Street 34 Rue de Rivoli Hauptstra\u00DFe 5, 10115 Berlin ");
        fragments.put("one long word", "a");
        fragments.put("\"order 00123842 \"", "order 00123842 ");
        fragments.put("\"ordr 00123842 \"", "ordr 00123842 ");
        fragments.put("\"call me at 0\"", "call me at 0");
        fragments.put("phone numbers", "0612345678 ");
        fragments.put("pairs of digits", "12 34 56 78 90 ");
        // words that are also identity documents' names, with numbers near them that are no identity number
        fragments.put("\"ni\", \"nie\" as words", "ni esto ni 2 aquello, nie wiem nie 3 razy ");
        fragments.put("documents named, short numbers", "DNI 12, CPF 3, NI 45 ");
        fragments.put("dotted and labelled names, short numbers", "N.I. 12 n.i. 3 NI: 4 Nie. 5 w ");
        return fragments;
    }

    private MaskingBenchmark() {
    }

    public static void main(String[] args) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        // one pass at the shortest length first, so the first figures do not include compiling the rules
        int warm = Integer.parseInt(args[0]);
        FRAGMENTS.values().forEach(fragment -> PiiMasker.all().mask(repeat(fragment, warm)));
        StringBuilder header = new StringBuilder("| text | characters |");
        for (PiiMasker.Kind kind : PiiMasker.Kind.values()) {
            header.append(' ').append(kind.name().toLowerCase(Locale.ROOT)).append(" |");
        }
        System.out.println(header.append(" all, ms | all, \u00B5s per 1,000 characters |"));
        for (String arg : args) {
            int length = Integer.parseInt(arg);
            for (Map.Entry<String, String> fragment : FRAGMENTS.entrySet()) {
                String text = repeat(fragment.getValue(), length);
                StringBuilder row = new StringBuilder("| " + fragment.getKey() + " | " + String.format(Locale.ROOT, "%,d", length) + " |");
                for (PiiMasker.Kind kind : PiiMasker.Kind.values()) {
                    row.append(String.format(Locale.ROOT, " %.0f |", millis(cpu, new PiiMasker(EnumSet.of(kind)), text)));
                }
                double all = millis(cpu, PiiMasker.all(), text);
                System.out.println(row.append(String.format(Locale.ROOT, " %.0f | %.0f |", all, all * 1e6 / length)));
            }
        }
    }

    private static double millis(ThreadMXBean cpu, PiiMasker masker, String text) {
        long start = cpu.getCurrentThreadCpuTime();
        masker.mask(text);
        return (cpu.getCurrentThreadCpuTime() - start) / 1e6;
    }

    static String repeat(String fragment, int length) {
        return fragment.repeat(length / fragment.length() + 1).substring(0, length);
    }
}
