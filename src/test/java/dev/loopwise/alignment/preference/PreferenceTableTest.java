package dev.loopwise.alignment.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preference pairs exported as a table (CSV or TSV) are read as the JSON rows of the same columns. */
class PreferenceTableTest {
    @TempDir
    Path dir;

    private List<String> pairs(String name, String content) throws Exception {
        Path file = Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        PreferenceFile.Read read = PreferenceFile.read(file, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return read.pairs().stream().map(p -> p.judgementId() + ":" + p.prompt() + "|" + p.first() + "|" + p.second()).toList();
    }

    @Test
    void aCsvOfPromptChosenRejectedWithQuotesBreaksAndAByteOrderMarkIsReadRowByRow() throws Exception {
        assertEquals(List.of("2:where is my parcel|It left today, tracking below.|No idea.",
                        "5:refund, please|Your refund is on its way.|We do not do refunds\nat all."),
                pairs("prefs.csv", "\uFEFFprompt,chosen,rejected\r\nwhere is my parcel,\"It left today, tracking below.\",No idea.\r\n\r\n"
                        + "\r\n\"refund, please\",Your refund is on its way.,\"We do not do refunds\nat all.\""));
        assertEquals(List.of("2:where is my parcel|It left today.|No idea."),
                pairs("prefs.tsv", "prompt\tchosen\trejected\nwhere is my parcel\tIt left today.\tNo idea.\n"));
    }

    @Test
    void columnNamesAreReadInAnyCaseWithSpacesAround() throws Exception {
        assertEquals(List.of("2:where is my parcel|It left today.|No idea."),
                pairs("caps.csv", "Prompt , CHOSEN,Rejected\nwhere is my parcel,It left today.,No idea.\n"));
    }

    @Test
    void aRowOfTheWrongWidthIsLeftOutNamedRatherThanReadWithItsColumnsShifted() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Path file = Files.writeString(dir.resolve("shifted.csv"), "prompt,chosen,rejected,\nwhere is my parcel,Good, thanks,No idea.\n"
                + "refund please,On its way.,No.,\nwhere is it,Tomorrow.\n", StandardCharsets.UTF_8);
        PreferenceFile.Read read = PreferenceFile.read(file, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(List.of("3:refund please|On its way.|No."),
                read.pairs().stream().map(p -> p.judgementId() + ":" + p.prompt() + "|" + p.first() + "|" + p.second()).toList());
        assertEquals(2, read.skipped());
        String said = log.toString(StandardCharsets.UTF_8);
        assertEquals(true, said.contains("line 2: field 4 holds 'No idea.', but its column has no name in the header"), said);
        assertTrue(said.contains("line 4: 2 fields found, but the header has 3 columns"), said);
    }

    @Test
    void aColumnNamedTwiceRefusesTheTableAndSemicolonsSeparateAsExcelWritesThem() throws Exception {
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> pairs("twice.csv", "prompt,chosen,Chosen,rejected\nwhere,Good.,Better.,Bad.\n"));
        assertEquals(dir.resolve("twice.csv") + ": line 1: the column 'chosen' appears more than once in the header; keep one and"
                + " rename or remove the others", twice.getMessage());
        assertEquals(List.of("2:where is my parcel, please|It left today, 10:00.|No idea."),
                pairs("excel.csv", "prompt;chosen;rejected\r\nwhere is my parcel, please;It left today, 10:00.;No idea.\r\n"));
    }

    @Test
    void aCellOfChatMessagesIsReadAsTheConversation() throws Exception {
        String chosen = "[{\"role\": \"user\", \"content\": \"where is my parcel\"}, {\"role\": \"assistant\", \"content\": \"It left today.\"}]";
        String rejected = "[{\"role\": \"user\", \"content\": \"where is my parcel\"}, {\"role\": \"assistant\", \"content\": \"No idea.\"}]";
        assertEquals(List.of("2:where is my parcel|It left today.|No idea."), pairs("hh.csv", "chosen,rejected\n\""
                + chosen.replace("\"", "\"\"") + "\",\"" + rejected.replace("\"", "\"\"") + "\"\n"));
    }

    @Test
    void aBrokenQuoteRefusesTheTableNamingItsLineAndJsonLinesStayJson() throws Exception {
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
                () -> pairs("broken.csv", "prompt,chosen,rejected\na,b,c\n\"x\" y,b,c\nd,e,f\n"));
        // In the words a ticket file's broken quote is told in, not the CSV parser's ("Invalid character between encapsulated …").
        assertEquals(dir.resolve("broken.csv") + ": line 3: text follows a closing quote. Put the whole field in quotes and write any"
                + " quote inside it twice (\"\").", broken.getMessage());
        IllegalArgumentException unclosed = assertThrows(IllegalArgumentException.class,
                () -> pairs("unclosed.csv", "prompt,chosen,rejected\na,b,c\n\"x,b,c\nd,e,f\n"));
        assertEquals(dir.resolve("unclosed.csv") + ": line 3: a quoted field starts here and is never closed. Add the closing quote"
                + " (\"), and write any quote inside the text twice (\"\").", unclosed.getMessage());
        IllegalArgumentException notJson = assertThrows(IllegalArgumentException.class,
                () -> pairs("prefs.jsonl", "prompt,chosen,rejected\n"));
        assertEquals(true, notJson.getMessage().contains("line 1: not valid JSON"), notJson.getMessage());
    }

    private PreferenceFile.Read read(String name, String content, ByteArrayOutputStream log) throws Exception {
        Path file = Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        return PreferenceFile.read(file, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @Test
    void aMarginOrLabelColumnWithSpacesAroundItsNameIsReadAsANumberOrTrueFalse() throws Exception {
        PreferenceFile.Read margins = read("spaced.csv", "prompt,chosen,rejected, margin\nwhere is my parcel,It left today.,No idea.,2\n",
                new ByteArrayOutputStream());
        assertEquals(List.of(2.0), margins.pairs().stream().map(PreferencePair::margin).toList());
        PreferenceFile.Read kto = read("kto.csv", "prompt,completion, Label \nrefund please,On its way.,true\nrefund please,No.,false\n",
                new ByteArrayOutputStream());
        assertEquals(List.of("refund please|On its way.|No."), kto.pairs().stream().map(p -> p.prompt() + "|" + p.first() + "|" + p.second()).toList());
    }

    @Test
    void aDecimalCommaIsReadInASemicolonTableAndAMarginThatIsNoNumberLeavesItsRowOutNamed() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PreferenceFile.Read read = read("excel-margin.csv", "prompt;chosen;rejected;margin\r\nwhere is my parcel;It left today.;No idea.;1,5\r\n"
                + "refund please;On its way.;No.;a lot\r\n", log);
        assertEquals(List.of("2:1.5"), read.pairs().stream().map(p -> p.judgementId() + ":" + p.margin()).toList());
        assertEquals(1, read.skipped());
        String said = log.toString(StandardCharsets.UTF_8);
        assertEquals(true, said.contains("line 3: 'margin' must be a number"), said);
    }

    @Test
    void aTabSeparatedHeaderWithACommaInOneNameIsReadByItsTabs() throws Exception {
        assertEquals(List.of("2:where is my parcel|It left today, tracking below.|No idea."),
                pairs("notes.txt", "prompt\tchosen\trejected\tnotes, if any\nwhere is my parcel\tIt left today, tracking below.\tNo idea.\tx\n"));
    }

    @Test
    void anExcelSeparatorLineIsNoHeaderItsSeparatorIsUsedAndLinesKeepTheirNumbers() throws Exception {
        // Without the line, commas in the replies would read as separators, and "sep=;" as the header.
        assertEquals(List.of("3:where, please|Today, by noon.|No."),
                pairs("excel.csv", "sep=;\r\nprompt;chosen;rejected\r\nwhere, please;Today, by noon.;No.\r\n"));
        assertEquals(List.of("3:where, please|Today, by noon.|No."),
                pairs("tab.csv", "sep=\t\nprompt\tchosen\trejected\nwhere, please\tToday, by noon.\tNo.\n"));
        // Written as Excel's hint is often typed, a backslash and a t.
        assertEquals(List.of("3:where, please|Today, by noon.|No."),
                pairs("typed.csv", "sep=\\t\nprompt\tchosen\trejected\nwhere, please\tToday, by noon.\tNo.\n"));
        assertEquals(List.of("3:where|Today.|No."), pairs("comma.csv", "SEP=,\nprompt,chosen,rejected\nwhere,Today.,No.\n"));
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
                () -> pairs("broken.csv", "sep=;\nprompt;chosen;rejected\na;b;c\n\"x\" y;b;c\n"));
        assertEquals(dir.resolve("broken.csv") + ": line 4: text follows a closing quote. Put the whole field in quotes and write any"
                + " quote inside it twice (\"\").", broken.getMessage());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        read("wide.csv", "sep=;\nprompt;chosen;rejected\na;b;c\nd;e\n", log);
        String said = log.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("line 4: 2 fields found, but the header has 3 columns"), said);
        // The line as a spreadsheet saves it again, quoted and followed by the other columns' separators, on old Mac line ends.
        assertEquals(List.of("3:where, please|Today, by noon.|No."),
                pairs("resaved.csv", "\"sep=;\";;\rprompt;chosen;rejected\rwhere, please;Today, by noon.;No.\r"));
    }
}
