package dev.loopwise.alignment.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.ticket.CliFiles;
import dev.loopwise.ticket.TicketRow;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes TRL preference files for {@code eval-reward} from a labelled file with agent replies: for each ticket
 * of a split, its own agent reply in the two variants of a {@link PreferenceKind} ({@link ReplyVariants}), the
 * good one chosen. Both replies answer the ticket and differ only in the kind's property, which is what a
 * reward model on sentence vectors barely reads. {@code mixed} cycles through the three text kinds.
 *
 * <p>Benchmark tool, not a test: {@code java -cp ... dev.loopwise.alignment.simulation.PreferencePairFiles DATA SPLIT KIND COUNT SEED OUT}.
 */
public final class PreferencePairFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PreferencePairFiles() {
    }

    public static void main(String[] args) throws Exception {
        List<TicketRow> rows = new ArrayList<>(CliFiles.tickets(Path.of(args[0])).stream()
                .filter(r -> args[1].equals(r.split()) && r.response() != null).toList());
        List<PreferenceKind> kinds = args[2].equals("mixed")
                ? List.of(PreferenceKind.CONCISE, PreferenceKind.NO_FALSE_ACTION, PreferenceKind.SIGN_OFF)
                : List.of(PreferenceKind.parse(args[2]));
        int count = Integer.parseInt(args[3]);
        Random random = new Random(Long.parseLong(args[4]));
        Collections.shuffle(rows, random);
        int written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[5]), StandardCharsets.UTF_8)) {
            for (TicketRow row : rows) {
                if (written == count) {
                    break;
                }
                PreferenceKind kind = kinds.get(written % kinds.size());
                String[] pair = ReplyVariants.variants(kind, row.response(), random);
                if (pair == null) {
                    continue;
                }
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("prompt", row.text());
                line.put("chosen", pair[0]);
                line.put("rejected", pair[1]);
                line.put("kind", kind.label());
                out.write(JSON.writeValueAsString(line));
                out.newLine();
                written++;
            }
        }
        System.err.println(written + " pairs → " + args[5]);
    }
}
