package dev.loopwise.ticket;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * The sample traffic files shipped in the jar (the demo store's usual and shifted traffic), as plain
 * ticket texts, for replaying and benchmarking without the demo workspace itself.
 */
public final class SampleTraffic {
    public static final String USUAL = "traffic.csv";
    public static final String SHIFTED = "traffic-shifted.csv";

    private SampleTraffic() {
    }

    public static List<String> texts(String file) {
        var stream = SampleTraffic.class.getResourceAsStream("/demo/" + file);
        if (stream == null) {
            throw new IllegalStateException("The sample traffic file " + file + " is missing from the build");
        }
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords().stream()
                    .map(row -> row.get("text")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
