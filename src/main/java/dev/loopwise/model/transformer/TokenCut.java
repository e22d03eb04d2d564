package dev.loopwise.model.transformer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.common.text.PlainText;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Cuts a text, before it is tokenized, to a prefix that certainly yields more tokens than the tokenizer keeps,
 * so a long line of words separated by whitespace costs what its first few hundred words cost, and the kept tokens are exactly those of the
 * whole text.
 *
 * <p>Why the kept tokens cannot change, for a BERT tokenizer (BertNormalizer, BertPreTokenizer, WordPiece —
 * every encoder Loopwise ships): the normalizer works character by character (its NFD only reorders combining
 * marks, which never cross a space), the pre-tokenizer always ends a word at whitespace and, with
 * handle_chinese_chars, around every CJK ideograph, and WordPiece turns each word into one or more tokens on its
 * own (an unknown or over-long word into one [UNK]). So a prefix that ends before an ASCII whitespace, or just
 * after an ideograph, is tokenized to exactly the first tokens of the whole text. Each word counted below holds
 * a letter or digit the normalizer never removes (from long-assigned blocks only: a code point newer than the
 * tokenizer's Unicode tables would be dropped as unassigned), so it yields at least one token; once the prefix
 * holds maxTokens of them, truncation keeps the same tokens from it as from the whole text.
 *
 * <p>Any other tokenizer (BPE, SentencePiece, a pre-tokenizer that marks a word by its preceding space, added
 * tokens that span whitespace) is left uncut, as is a text with fewer counted words than that (a single long
 * word, which WordPiece turns into one [UNK] without work anyway).
 */
public final class TokenCut {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TokenCut NONE = new TokenCut(0, false, new boolean[128]);

    private final int words;
    private final boolean ideographs;
    /** ASCII punctuation that BertPreTokenizer makes a word of its own: any that an added token holds is left out. */
    private final boolean[] punctuation;

    private TokenCut(int words, boolean ideographs, boolean[] punctuation) {
        this.words = words;
        this.ideographs = ideographs;
        this.punctuation = punctuation;
    }

    /** The cut for texts tokenized by {@code tokenizerJson} truncating at {@code maxTokens}; none if it cannot be shown exact. */
    public static TokenCut of(Path tokenizerJson, int maxTokens) {
        JsonNode json;
        try {
            json = JSON.readTree(tokenizerJson.toFile());
        } catch (IOException | RuntimeException e) {
            return NONE; // the tokenizer itself says what is wrong with the file
        }
        JsonNode normalizer = json.path("normalizer");
        boolean bert = "BertNormalizer".equals(normalizer.path("type").asText())
                && "BertPreTokenizer".equals(json.path("pre_tokenizer").path("type").asText())
                && "WordPiece".equals(json.path("model").path("type").asText());
        JsonNode truncation = json.path("truncation");
        // Left truncation keeps the last tokens, which a prefix cannot hold.
        boolean keepsFirst = truncation.isMissingNode() || truncation.isNull() || "Right".equals(truncation.path("direction").asText());
        if (!bert || !keepsFirst || maxTokens <= 0) {
            return NONE;
        }
        boolean[] punctuation = new boolean[128];
        "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".chars().forEach(c -> punctuation[c] = true);
        for (JsonNode added : json.path("added_tokens")) {
            String content = added.path("content").asText("");
            if (content.isEmpty() || content.chars().anyMatch(Character::isWhitespace) || content.chars().anyMatch(c -> c > 0x7f)) {
                return NONE;
            }
            // An added token is matched before the pre-tokenizer splits, so "[MASK]" is one token, not three.
            content.chars().forEach(c -> punctuation[c] = false);
        }
        return new TokenCut(maxTokens, normalizer.path("handle_chinese_chars").asBoolean(false), punctuation);
    }

    /** {@code text}, or the prefix of it that yields the same kept tokens. */
    public String apply(String text) {
        // Handed a string holding an unpaired surrogate anywhere, the tokenizer library turns every supplementary
        // character of it (emoji, rare ideographs) into U+FFFD, which the normalizer drops: a prefix without the unpaired
        // one would keep those characters and tokenize differently, and replacing it first would change the whole text's
        // tokens too, so such a text is left uncut. A text with fewer characters than words needed has nothing to gain.
        if (words == 0 || text.length() <= words || PlainText.hasLoneSurrogate(text)) {
            return text;
        }
        int counted = 0;
        boolean letter = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (space(c)) {
                if (letter && ++counted >= words) {
                    return text.substring(0, i);
                }
                letter = false;
            } else if ((ideographs && ideograph(c)) || (c < 128 && punctuation[c])) {
                counted += letter ? 2 : 1;
                letter = false;
                if (counted >= words) {
                    return text.substring(0, i + 1);
                }
            } else if (!letter && lasting(c)) {
                letter = true;
            }
        }
        return text;
    }

    /**
     * Whitespace BertNormalizer turns into a space and BertPreTokenizer splits at (Unicode White_Space that is not
     * a control character, which the normalizer would drop instead): ASCII space, tab, line ends, NBSP, U+1680,
     * U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
     */
    private static boolean space(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A)
                || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    /** CJK ideographs of Unicode 1.1 and 3.0, which BertNormalizer spaces apart. */
    private static boolean ideograph(char c) {
        return (c >= 0x4E00 && c <= 0x9FA5) || (c >= 0x3400 && c <= 0x4DB5);
    }

    /** Letters and digits of long-assigned blocks: Latin, Greek, Cyrillic, kana, Hangul, Arabic, Devanagari. */
    private static boolean lasting(char c) {
        return (c < 0x0500 && Character.isLetterOrDigit(c))
                || (c >= 0x3041 && c <= 0x3094) || (c >= 0x30A1 && c <= 0x30FA)
                || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0x0621 && c <= 0x063A) || (c >= 0x0641 && c <= 0x064A)
                || (c >= 0x0905 && c <= 0x0939);
    }
}
