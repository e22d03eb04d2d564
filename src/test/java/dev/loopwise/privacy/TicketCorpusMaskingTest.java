package dev.loopwise.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The tickets of {@link TicketCorpus}, masked: every marked piece of personal data becomes its placeholder and
 * everything else — order, tracking and version numbers, dates, times, prices, quantities — stays as written. The
 * per-kind tally (masked or kept out of how many) is printed, so a change of rule shows what it gains and costs.
 */
class TicketCorpusMaskingTest {
    private static final Pattern MARK = Pattern.compile("\\[\\[([A-Z]+):(.+?)]]|\\{\\{([a-z-]+):(.+?)}}");

    /** One marked piece: its kind (upper case: to mask) or what it is (lower case: to keep), and its text. */
    record Item(String category, String text, boolean masked) {
        String expected() {
            return masked ? "[" + category + "]" : text;
        }
    }

    /** A ticket as the customer wrote it, as a reviewer must see it, and the marked pieces in order. */
    record Ticket(String input, String expected, List<Item> items, Pattern shape) {
        static Ticket parse(String marked) {
            Matcher m = MARK.matcher(marked);
            StringBuilder input = new StringBuilder();
            StringBuilder expected = new StringBuilder();
            StringBuilder shape = new StringBuilder();
            List<Item> items = new ArrayList<>();
            int last = 0;
            while (m.find()) {
                String between = marked.substring(last, m.start());
                Item item = m.group(1) != null ? new Item(m.group(1), m.group(2), true) : new Item(m.group(3), m.group(4), false);
                input.append(between).append(item.text());
                expected.append(between).append(item.expected());
                shape.append(Pattern.quote(between)).append("(.*?)");
                items.add(item);
                last = m.end();
            }
            String rest = marked.substring(last);
            input.append(rest);
            expected.append(rest);
            shape.append(Pattern.quote(rest));
            return new Ticket(input.toString(), expected.toString(), items, Pattern.compile(shape.toString(), Pattern.DOTALL));
        }

        /** What became of each marked piece, or null where the text around them was changed too. */
        List<String> outcomes(String masked) {
            Matcher m = shape.matcher(masked);
            if (!m.matches()) {
                return null;
            }
            List<String> outcomes = new ArrayList<>();
            for (int i = 1; i <= m.groupCount(); i++) {
                outcomes.add(m.group(i));
            }
            return outcomes;
        }
    }

    private final PiiMasker masker = PiiMasker.all();

    @Test
    void theCorpusIsLargeAndCoversEachKind() {
        List<Ticket> tickets = TicketCorpus.TICKETS.stream().map(Ticket::parse).toList();
        assertTrue(tickets.size() >= 150, "at least 150 tickets");
        for (String kind : new String[] {"EMAIL", "PHONE", "CARD", "IBAN", "ADDRESS", "IP", "ID"}) {
            assertTrue(tickets.stream().flatMap(t -> t.items().stream()).filter(i -> i.category().equals(kind)).count() >= 3,
                    kind + " has examples");
        }
        for (Ticket t : tickets) {
            assertTrue(!t.items().isEmpty() && !t.input().contains("[[") && !t.input().contains("{{"), t.input());
        }
    }

    @Test
    void masksEveryPieceOfPersonalDataAndKeepsEverythingElse() {
        Map<String, int[]> tally = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (String marked : TicketCorpus.TICKETS) {
            Ticket ticket = Ticket.parse(marked);
            String masked = masker.mask(ticket.input());
            List<String> outcomes = ticket.outcomes(masked);
            for (int i = 0; i < ticket.items().size(); i++) {
                Item item = ticket.items().get(i);
                boolean right = outcomes != null ? outcomes.get(i).equals(item.expected())
                        : item.masked() != masked.contains(item.text());
                int[] counts = tally.computeIfAbsent((item.masked() ? "mask " : "keep ") + item.category(), k -> new int[2]);
                counts[0] += right ? 1 : 0;
                counts[1]++;
            }
            if (!masked.equals(ticket.expected())) {
                wrong.add("\n  in:   " + ticket.input() + "\n  got:  " + masked + "\n  want: " + ticket.expected());
            }
        }
        System.out.println(table(tally));
        assertEquals(List.of(), wrong, "tickets masked wrongly");
    }

    private static String table(Map<String, int[]> tally) {
        StringBuilder out = new StringBuilder("what            right / of\n");
        tally.forEach((category, counts) -> out.append(String.format("%-16s %4d / %d%n", category, counts[0], counts[1])));
        return out.toString();
    }
}
