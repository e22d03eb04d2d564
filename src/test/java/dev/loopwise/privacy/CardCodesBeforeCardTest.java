package dev.loopwise.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A PIN or security code written before its card spends the card as one written after it does: it is masked when the
 * masked card follows in the same sentence, and stays readable where it may be a reference or a count.
 */
class CardCodesBeforeCardTest {
    private final PiiMasker masker = PiiMasker.all();

    @Test
    void aCodeBeforeItsCardInTheSameSentenceIsMasked() {
        assertEquals("PIN [CARD] for card [CARD]", masker.mask("PIN 1234 for card 4111 1111 1111 1111"));
        assertEquals("my pin is [CARD], card [CARD]", masker.mask("my pin is 4321, card 5500 0000 0000 0004"));
        assertEquals("CVV [CARD] card [CARD]", masker.mask("CVV 123 card 4111111111111111"));
        assertEquals("CVV2: [CARD] card [CARD]", masker.mask("CVV2: 123 card 4111111111111111"));
        assertEquals("security code [CARD] on card no. [CARD]", masker.mask("security code 998 on card no. 4111 1111 1111 1111"));
        assertEquals("PIN [CARD], CVC [CARD], card [CARD], exp 12/25",
                masker.mask("PIN 1234, CVC 123, card 4111 1111 1111 1111, exp 12/25"));
        assertEquals("PIN [CARD] for gift card [CARD]", masker.mask("PIN 4821 for gift card 6006 4911 2345 6789"));
        assertEquals("PIN: [CARD]\nCard: [CARD]", masker.mask("PIN: 1234\nCard: 4111 1111 1111 1111"), "a form's next line");
        assertEquals("PIN [CARD]，卡号[CARD]", masker.mask("PIN 1234，卡号4111 1111 1111 1111"));
        assertEquals("我的PIN是[CARD]，卡号[CARD]", masker.mask("我的PIN是1234，卡号4111 1111 1111 1111"));
        assertEquals("PIN码[CARD]，卡号[CARD]", masker.mask("PIN码1234，卡号4111 1111 1111 1111"));
        assertEquals("[CARD]，PIN码[CARD]", masker.mask("4111 1111 1111 1111，PIN码1234"));
        assertEquals("PIN [CARD] for Mrs. Smith's card [CARD]", masker.mask("PIN 1234 for Mrs. Smith's card 4111 1111 1111 1111"),
                "an abbreviation's stop ends no sentence");
    }

    /** "PIN is", "PIN:" state the code, and the card in the very next sentence is the one it opens. */
    @Test
    void aStatedCodeReachesTheCardInTheNextSentence() {
        assertEquals("My PIN is [CARD]. My card is [CARD].", masker.mask("My PIN is 1234. My card is 4111 1111 1111 1111."));
        assertEquals("PIN: [CARD].\nCard: [CARD]", masker.mask("PIN: 1234.\nCard: 4111 1111 1111 1111"));
        assertEquals("PIN=[CARD]. Card [CARD]", masker.mask("PIN=1234. Card 4111 1111 1111 1111"));
        assertEquals("My PIN is 1234. It was reset. My card is [CARD].",
                masker.mask("My PIN is 1234. It was reset. My card is 4111 1111 1111 1111."), "two sentences away");
        assertEquals("PIN: 1234.\n\nCard: [CARD]", masker.mask("PIN: 1234.\n\nCard: 4111 1111 1111 1111"), "past a blank line");
        assertEquals("PIN 1234. Card [CARD]", masker.mask("PIN 1234. Card 4111 1111 1111 1111"), "not stated: one sentence only");
        assertEquals("PIN码：[CARD]。卡号：[CARD]", masker.mask("PIN码：1234。卡号：4111111111111111"), "a full-width colon");
        for (String name : new String[] {"St. Mary's", "Prof. X's", "Mt. Hood", "Sr. Lopez's", "Jr. Smith's"}) {
            assertEquals("PIN is [CARD]. " + name + " card [CARD]", masker.mask("PIN is 1234. " + name + " card 4111 1111 1111 1111"),
                    "an abbreviation's stop ends no second sentence");
        }
    }

    /** Abbreviations between the code and a card two sentences away end no sentence, however many of them stand there. */
    @Test
    void manyAbbreviationsStillCountAsOneSentence() {
        String abbreviations = "mr. ".repeat(15);
        assertEquals("PIN is [CARD] " + abbreviations + "card [CARD]",
                masker.mask("PIN is 1234 " + abbreviations + "card 4111 1111 1111 1111"));
        String titles = "Mr. ".repeat(15);
        assertEquals("PIN is 1234. " + titles + "It was reset. Card [CARD]",
                masker.mask("PIN is 1234. " + titles + "It was reset. Card 4111 1111 1111 1111"), "two sentences away");
    }

    @Test
    void aCodeWithoutACardInItsSentenceStays() {
        assertEquals("PIN 1234 please reset it", masker.mask("PIN 1234 please reset it"), "no card at all");
        assertEquals("CVV 123 failed three times", masker.mask("CVV 123 failed three times"));
        assertEquals("PIN 1234 for card 4111 1111 1111 1112", masker.mask("PIN 1234 for card 4111 1111 1111 1112"), "fails Luhn: no card");
        assertEquals("PIN 1234 reset. Card [CARD] is fine", masker.mask("PIN 1234 reset. Card 4111 1111 1111 1111 is fine"),
                "the card is in the next sentence");
        assertEquals("PIN 1234。卡号[CARD]", masker.mask("PIN 1234。卡号4111 1111 1111 1111"));
        assertEquals("PIN 1234\n\nCard: [CARD]", masker.mask("PIN 1234\n\nCard: 4111 1111 1111 1111"), "a blank line between");
        assertEquals("PIN 1234\r\n\r\nCard: [CARD]", masker.mask("PIN 1234\r\n\r\nCard: 4111 1111 1111 1111"), "Windows line ends");
        assertEquals("PIN: 1234.\r\n\r\nCard: [CARD]", masker.mask("PIN: 1234.\r\n\r\nCard: 4111 1111 1111 1111"));
        assertEquals("PIN reset for order 4821, card [CARD]", masker.mask("PIN reset for order 4821, card 4111 1111 1111 1111"),
                "the number does not follow the label");
        assertEquals("Lupin 123 for card [CARD]", masker.mask("Lupin 123 for card 4111 1111 1111 1111"), "no label inside a word");
        assertEquals("PIN 12345678 for card [CARD]", masker.mask("PIN 12345678 for card 4111 1111 1111 1111"),
                "longer than a PIN or security code");
    }
}
