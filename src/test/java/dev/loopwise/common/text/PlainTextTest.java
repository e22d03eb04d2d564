package dev.loopwise.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlainTextTest {
    @Test
    void aPlainLineHasNoControlNoDirectionOverrideAndNoInvisibleCharacter() {
        assertTrue(PlainText.isPlainLine("Zoë Müller-Łukasz 日本"));
        assertTrue(PlainText.isPlainLine("family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"), "zero-width joiners build emoji");
        assertFalse(PlainText.isPlainLine("tab\there"));
        assertFalse(PlainText.isPlainLine("red \u001b[31m"));
        assertFalse(PlainText.isPlainLine("\u202Egnp.exe"));
        assertFalse(PlainText.isPlainLine("ad\u200Bmin"), "a zero-width space makes two names look alike");
        assertFalse(PlainText.isPlainLine("\uFEFFbom"));
    }

    @Test
    void onlySpacesAndInvisibleCharactersShowNothing() {
        assertFalse(PlainText.showsSomething(""));
        assertFalse(PlainText.showsSomething(" \t\n\u00A0\u3000"));
        assertFalse(PlainText.showsSomething("\u200B\u200B\uFEFF"));
        assertTrue(PlainText.showsSomething("\u200Bhi"));
        assertTrue(PlainText.showsSomething("\uD83D\uDE00"));
        assertFalse(PlainText.showsSomething("\u202E\u0301\uFEFF"), "an accent with no letter under it");
        assertFalse(PlainText.showsSomething("\u20DD"), "an enclosing circle around nothing");
        assertTrue(PlainText.showsSomething("e\u0301"));
    }

    @Test
    void aControlCharacterIsFoundByCodeAndPositionButLineBreaksTabsAndInvisibleMarksAreNot() {
        assertEquals("U+0007 at character 4", PlainText.firstControlCharacter("\uD83D\uDE00ab\u0007c"));
        assertEquals("U+001B at character 1", PlainText.firstControlCharacter("\u001b[31mred"));
        assertEquals("U+0085 at character 2", PlainText.firstControlCharacter("a\u0085b"));
        assertEquals(null, PlainText.firstControlCharacter("line\r\nbreak\tand\u200Bsoft\u00ADhyphen"));
        assertEquals("U+200B at character 3", PlainText.firstHiddenCharacter("ad\u200Bmin"));
    }

    @Test
    void lengthCountsCharactersAsAPersonDoes() {
        assertEquals(5, PlainText.length("\uD83D\uDE00".repeat(5)));
        assertEquals(0, PlainText.length(""));
    }

    @Test
    void directionControlsAreNamedAndRefusedWhileRightToLeftTextAndItsMarksStay() {
        assertEquals("U+202E at character 3, a right-to-left override", PlainText.firstControlCharacter("ab‮cd"));
        assertEquals("U+2067 at character 1, a right-to-left isolate", PlainText.firstDirectionControl("⁧x⁩"));
        assertEquals("U+202A at character 2, a left-to-right embedding", PlainText.firstHiddenCharacter("a‪b"));
        for (String rightToLeft : new String[] {"أين طلبي؟ ‏FH-555123",
            "איפה החבילה שלי? ‎#4411‏", "؜مرحبا"}) {
            assertEquals(null, PlainText.firstDirectionControl(rightToLeft), rightToLeft);
            assertEquals(null, PlainText.firstControlCharacter(rightToLeft), rightToLeft);
            assertEquals(null, PlainText.firstHiddenCharacter(rightToLeft), "a reply may hold the marks: " + rightToLeft);
        }
        assertEquals("U+200B at character 2", PlainText.firstHiddenCharacter("‏​"), "other invisible characters stay refused");
    }
}
