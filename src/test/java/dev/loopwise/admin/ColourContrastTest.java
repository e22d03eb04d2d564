package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text colour in the style sheets reads at WCAG AA (4.5:1) on the background it is drawn on: its own rule's
 * background, else white (cards) and the page grey (the body), where text without a background of its own lands.
 */
class ColourContrastTest {
    private static final Path CSS = Path.of("src/main/resources/META-INF/resources/css");
    private static final Path JS = Path.of("src/main/resources/META-INF/resources/js");
    private static final double AA = 4.5;
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)}");
    private static final Pattern VARIABLE = Pattern.compile("--([\\w-]+):\\s*(#[0-9a-fA-F]{3,6})\\b");
    private static final Pattern TEXT = Pattern.compile("(?<![-\\w])color:\\s*([^;}]+)");
    private static final Pattern BACKGROUND = Pattern.compile("background(?:-color)?:\\s*([^;}]+)");
    private static final Pattern HEX = Pattern.compile("^(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\\b");
    private static final Pattern VAR = Pattern.compile("^var\\(--([\\w-]+)\\)");
    // Chart lines: the legend names each line by its colour alone, so a line must read as well as the words beside it.
    private static final Pattern CHART_LINE = Pattern.compile("borderColor: '(#[0-9a-fA-F]{6})'");

    @Test
    void theFormulaMatchesKnownRatios() {
        assertEquals(21.0, ratio("#000000", "#ffffff"), 0.01);
        assertEquals(1.0, ratio("#777", "#777777"), 0.001);
        // The orange the drift charts and stars used before: below AA, which is why this test exists.
        assertEquals(3.19, ratio("#d97706", "#fff"), 0.01);
    }

    @Test
    void everyTextColourReadsOnItsBackground() throws IOException {
        String css = styleSheets();
        Map<String, String> variables = new HashMap<>();
        Matcher variable = VARIABLE.matcher(css);
        while (variable.find()) {
            variables.put(variable.group(1), variable.group(2));
        }
        List<String> pages = List.of("#ffffff", variables.get("bg"));
        List<String> faint = new ArrayList<>();
        int checked = 0;
        Matcher rule = RULE.matcher(css);
        while (rule.find()) {
            String selector = rule.group(1).strip();
            String text = colour(TEXT.matcher(rule.group(2)), variables);
            if (text == null) {
                continue;
            }
            String own = colour(BACKGROUND.matcher(rule.group(2)), variables);
            for (String background : own == null ? pages : List.of(own)) {
                checked++;
                double ratio = ratio(text, background);
                if (ratio < AA) {
                    faint.add("%s: %s on %s is %.2f:1".formatted(selector, text, background, ratio));
                }
            }
        }
        assertTrue(checked > 20, "the rules were read: " + checked + " colour pairs");
        assertEquals(List.of(), faint, "text colours below 4.5:1");
    }

    @Test
    void chartLinesReadOnTheCard() throws IOException {
        List<String> faint = new ArrayList<>();
        for (String chart : List.of("drift-charts.js", "rounds-chart.js", "agreement-chart.js")) {
            Matcher line = CHART_LINE.matcher(Files.readString(JS.resolve(chart)));
            while (line.find()) {
                if (ratio(line.group(1), "#ffffff") < AA) {
                    faint.add(chart + ": " + line.group(1));
                }
            }
        }
        assertEquals(List.of(), faint, "chart lines below 4.5:1 on white");
    }

    private static String styleSheets() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(CSS)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".css")).sorted().toList()) {
                all.append(Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "")).append('\n');
            }
        }
        return all.toString();
    }

    /** The declared colour when it is one (a hex value or a variable holding one); null for inherit, gradients and such. */
    private static String colour(Matcher declaration, Map<String, String> variables) {
        if (!declaration.find()) {
            return null;
        }
        String value = declaration.group(1).strip();
        Matcher hex = HEX.matcher(value);
        if (hex.find()) {
            return hex.group(1);
        }
        Matcher var = VAR.matcher(value);
        return var.find() ? variables.get(var.group(1)) : null;
    }

    static double ratio(String one, String other) {
        double a = luminance(one);
        double b = luminance(other);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** WCAG 2 relative luminance of an sRGB colour. */
    private static double luminance(String hex) {
        String digits = hex.substring(1);
        if (digits.length() == 3) {
            digits = digits.replaceAll("(.)", "$1$1");
        }
        double luminance = 0;
        double[] weights = {0.2126, 0.7152, 0.0722};
        for (int channel = 0; channel < 3; channel++) {
            double value = Integer.parseInt(digits.substring(channel * 2, channel * 2 + 2), 16) / 255.0;
            double linear = value <= 0.03928 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
            luminance += weights[channel] * linear;
        }
        return luminance;
    }
}
