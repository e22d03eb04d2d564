package dev.loopwise.ticket;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code loopwise bench-import}: reads ticket files as the commands that take one do, and prints for each its size, rows,
 * time and the heap it took at its peak, so that the memory a large file needs can be compared between versions: once
 * with the rows held in a list (as {@code eval-intents} and {@code simulate} hold them), once with each row let go as it
 * is read (what the reading itself costs).
 */
@Command(name = "bench-import", description = "Read ticket files as the commands do; prints size, rows, seconds and peak heap for each.")
public class BenchImportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Ticket files (CSV or JSONL, gzip too).")
    List<Path> files;

    @Option(names = "--only", paramLabel = "held|streamed", description = "Read the files one way only, as under a small -Xmx"
            + " where holding the rows would not fit (default: both).")
    Way only;

    /** How the rows are read: kept in a list, or each let go once read. */
    enum Way { held, streamed }

    @Override
    public Integer call() throws Exception {
        // A mistyped name is said before any table is printed.
        files.forEach(CliFiles::requireFile);
        System.out.printf("%-32s %7s %-9s %8s %8s %13s%n", "file", "MB", "rows are", "rows", "seconds", "peak heap MB");
        for (Path file : files) {
            for (boolean held : new boolean[] {true, false}) {
                if (only != null && only != (held ? Way.held : Way.streamed)) {
                    continue;
                }
                long before = settledHeap();
                long start = System.nanoTime();
                int rows = held ? CliFiles.tickets(file).size() : counted(file);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%-32s %7.1f %-9s %8d %8.2f %13d%n", file.getFileName(), Files.size(file) / 1048576.0,
                        held ? "held" : "streamed", rows, seconds, (peakHeap() - before) / 1048576);
            }
        }
        return 0;
    }

    /** Rows read and let go, as an import that writes them in batches reads them. */
    private static int counted(Path file) throws IOException {
        int[] rows = {0};
        CliFiles.eachTicket(file, row -> rows[0]++);
        return rows[0];
    }

    /**
     * The heap in use once garbage is collected, the peaks then reset: what a file's read adds is measured from there. The
     * pools' peaks are summed although each may have peaked at another moment, so the figure is an upper bound.
     */
    private static long settledHeap() {
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : heapPools()) {
            pool.resetPeakUsage();
            used += pool.getUsage().getUsed();
        }
        return used;
    }

    private static long peakHeap() {
        return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    }
}
