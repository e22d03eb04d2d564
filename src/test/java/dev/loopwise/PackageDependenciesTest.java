package dev.loopwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The packages follow the data flow, so none may depend on itself through others, and production code never uses the
 * demo. Read from the compiled classes with the JDK's jdeps, which sees every reference, fully qualified ones too.
 */
class PackageDependenciesTest {
    private static final String ROOT = "dev.loopwise.";

    @Test
    void noPackageDependsOnItselfThroughOthers() throws Exception {
        Map<String, Set<String>> uses = packageGraph();
        assertTrue(uses.size() > 20, "jdeps read the compiled packages: " + uses.keySet());
        List<String> cycles = new ArrayList<>();
        for (String from : uses.keySet()) {
            for (String to : uses.get(from)) {
                List<String> back = path(uses, to, from);
                if (back != null && from.compareTo(to) < 0) {
                    cycles.add(from + " -> " + String.join(" -> ", back));
                }
            }
        }
        assertEquals(List.of(), cycles, "package cycles (break one edge of each: move the shared piece down the data flow)");
    }

    @Test
    void productionCodeNeverUsesTheDemo() throws Exception {
        List<String> users = packageGraph().entrySet().stream()
                .filter(e -> !e.getKey().startsWith("demo") && e.getValue().stream().anyMatch(p -> p.startsWith("demo")))
                .map(Map.Entry::getKey).toList();
        assertEquals(List.of(), users);
    }

    /** Each package of the application (without the common prefix) and the other packages its classes use. */
    private static Map<String, Set<String>> packageGraph() throws Exception {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-verbose:package", "-filter:none",
                "-e", "dev\\.loopwise(\\..*)?", classes.toString());
        assertEquals(0, exit, out.toString());
        Map<String, Set<String>> uses = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 3 && parts[1].equals("->") && parts[0].startsWith(ROOT) && parts[2].startsWith(ROOT)) {
                String from = parts[0].substring(ROOT.length());
                String to = parts[2].substring(ROOT.length());
                uses.computeIfAbsent(from, k -> new TreeSet<>());
                if (!from.equals(to)) {
                    uses.get(from).add(to);
                }
            }
        }
        return uses;
    }

    /** The packages on one way from {@code from} to {@code to}, both included, or null when there is none. */
    private static List<String> path(Map<String, Set<String>> uses, String from, String to) {
        Map<String, String> cameFrom = new TreeMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        cameFrom.put(from, from);
        while (!queue.isEmpty()) {
            String at = queue.poll();
            if (at.equals(to)) {
                List<String> way = new ArrayList<>();
                for (String p = to; !p.equals(from); p = cameFrom.get(p)) {
                    way.add(0, p);
                }
                way.add(0, from);
                return way;
            }
            for (String next : uses.getOrDefault(at, Set.of())) {
                if (cameFrom.putIfAbsent(next, at) == null) {
                    queue.add(next);
                }
            }
        }
        return null;
    }
}
