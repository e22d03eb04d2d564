package dev.loopwise.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Words in any alphabet: from Java 19 on a plain {@code \b} takes "ś" or "ł" for a gap between words, so "Myśliwiecka"
 * would start with the word "my" and the street stay unmasked on a newer Java than the tests run on. The source check
 * fails on any Java; the texts show what it protects.
 */
class WordBoundsTest {
    private static final Path PRIVACY_SOURCES = Path.of("src/main/java/dev/loopwise/privacy");
    /**
     * A {@code \b} as written in a Java string, the Unicode flag's {@code (?U:\b)} too: that one takes a Chinese letter
     * for part of the word, so "我的DNI是12345678Z" would keep the number.
     */
    private static final Pattern ASCII_WORD_BOUNDARY = Pattern.compile("\\\\\\\\b");

    private final PiiMasker masker = PiiMasker.all();

    @Test
    void noMaskingRuleUsesTheAsciiOnlyWordBoundary() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(PRIVACY_SOURCES)) {
            sources = files.filter(file -> file.toString().endsWith(".java")).toList();
        }
        assertTrue(sources.size() > 5, "the privacy sources must be found to mean anything");
        List<String> withAsciiBoundary = new ArrayList<>();
        for (Path source : sources) {
            if (ASCII_WORD_BOUNDARY.matcher(Files.readString(source)).find()) {
                withAsciiBoundary.add(source.getFileName().toString());
            }
        }
        assertEquals(List.of(), withAsciiBoundary, "write WordBounds.START or WordBounds.END instead of \\b");
    }

    @Test
    void polishStreetsWhoseNamesStartLikeEnglishWordsAreMasked() {
        assertEquals("[ADDRESS]", masker.mask("Myśliwiecka 3, 00-459 Warszawa"));
        assertEquals("[ADDRESS]", masker.mask("Inżynierska 3 03-422 Warszawa"));
        assertEquals("[ADDRESS]", masker.mask("Orła Białego 5, 00-001 Warszawa"));
    }

    @Test
    void wordsWithNonAsciiLettersStayWhole() {
        assertEquals("[ADDRESS]", masker.mask("ul. Kościuszki 5, 14-200 Iława"), "Iława is no \"I\"");
        assertEquals("[ADDRESS]", masker.mask("Hauptstraße 12, 10115 Goldäcker"), "Goldäcker is no colour");
        assertEquals("głos [IP]", masker.mask("głos 81.2.69.160"), "głos holds no \"os\"");
        assertEquals("os 81.2.69.160", masker.mask("os 81.2.69.160"), "an operating system's version");
    }

    @Test
    void anAddressOrCardRightAfterChineseOrJapaneseTextIsMasked() {
        assertEquals("我的地址是[ADDRESS], Springfield", masker.mask("我的地址是123 Main Street, Springfield"));
        assertEquals("我的gift card [CARD]，PIN [CARD]", masker.mask("我的gift card 6006 4911 2345 6789，PIN 4821"));
    }

    @Test
    void anIdentityNumberGluedToChineseTextIsMasked() {
        assertEquals("我的SSN是[ID]", masker.mask("我的SSN是123-45-6789"));
        assertEquals("[ID]是我的SSN", masker.mask("123-45-6789是我的SSN"));
        assertEquals("我的DNI是[ID]", masker.mask("我的DNI是12345678Z"));
        assertEquals("我的dni是[ID]", masker.mask("我的dni是12345678 z"), "the lower-case form counts after its name");
        assertEquals("我的CPF是[ID]", masker.mask("我的CPF是52998224725"));
        assertEquals("身份证dni：[ID]", masker.mask("身份证dni：12345678 z"));
    }

    @Test
    void anIdentityNumberInsideALatinWordOrCodeStays() {
        assertEquals("订单号SKU-12345678Z", masker.mask("订单号SKU-12345678Z"), "a code's part");
        assertEquals("ab12345678Z", masker.mask("ab12345678Z"));
        assertEquals("fluid 234567890127", masker.mask("fluid 234567890127"), "no 'uid' inside another word");
        assertEquals("我的dni是12345678y", masker.mask("我的dni是12345678y"), "the letter must fit");
    }

    @Test
    void codesAfterACardAreMaskedWhateverSetsThemApart() {
        assertEquals("card [CARD] – CVV [CARD]", masker.mask("card 4111 1111 1111 1111 – CVV 123"));
        assertEquals("卡号[CARD]，CVV：[CARD]", masker.mask("卡号4111 1111 1111 1111，CVV：123"));
        assertEquals("card [CARD] | CVV-[CARD]", masker.mask("card 4111 1111 1111 1111 | CVV-123"));
        assertEquals("[CARD], CVV [CARD], PIN [CARD], CVC [CARD], CSC [CARD], PIN [CARD]",
                masker.mask("4111 1111 1111 1111, CVV 123, PIN 4821, CVC 999, CSC 1111, PIN 2222"));
    }
}
