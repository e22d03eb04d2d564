package dev.loopwise.model.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.loopwise.model.transformer.TokenBatch;
import dev.loopwise.model.transformer.TokenCut;
import dev.loopwise.ticket.CliFiles;
import dev.loopwise.ticket.TicketRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Cutting a text before tokenizing keeps exactly the tokens the whole text would have kept. */
class TokenCutTest {
    private static final Path CACHE = Path.of("target/encoder-cache");
    private static final Path DATA = Path.of("/work/shared/data");
    /** The tokenizer library turns the emoji and the rare ideograph into U+FFFD because of the unpaired surrogate at the end. */
    private static final String UNPAIRED = "😡 𠀋 late " + "again ".repeat(600) + "\uD83D";

    @Test
    void everyShippedEncoderKeepsTheSameTokenIdsWithAndWithoutTheCut() throws Exception {
        List<String> texts = samples();
        for (String name : EncoderCatalogue.names()) {
            Path tokenizerFile = EncoderSpec.resolve(name, Optional.empty(), 512, CACHE).files().tokenizer();
            // Small limits put the cut inside ordinary tickets, where a wrong word count would show.
            for (int maxTokens : new int[] {3, 5, 8, 13, 32, 128, 512}) {
                TokenCut cut = TokenCut.of(tokenizerFile, maxTokens);
                int shortened = 0;
                try (HuggingFaceTokenizer tokenizer = TokenBatch.tokenizer(tokenizerFile, maxTokens)) {
                    for (String text : texts) {
                        String kept = cut.apply(text);
                        assertTrue(text.startsWith(kept));
                        if (kept.length() < text.length()) {
                            shortened++;
                            Encoding whole = tokenizer.encode(text);
                            Encoding prefix = tokenizer.encode(kept);
                            assertArrayEquals(whole.getIds(), prefix.getIds(), name + " at " + maxTokens + ": " + abbreviated(text));
                            assertArrayEquals(whole.getTypeIds(), prefix.getTypeIds());
                            assertArrayEquals(whole.getAttentionMask(), prefix.getAttentionMask());
                        }
                    }
                }
                assertTrue(shortened > (maxTokens <= 5 ? 1000 : maxTokens <= 8 ? 300 : 3), name + " at " + maxTokens + " cut only " + shortened + " texts");
            }
        }
    }

    @Test
    void aSixMegabyteLineReachesTheTokenizerAsItsFirstWords() {
        try (SentenceEncoder encoder = new SentenceEncoder(EncoderSpec.resolve(EncoderCatalogue.DEFAULT_NAME, Optional.empty(), 512,
                CACHE), 32, 0)) {
            String line = "parcel ".repeat(900_000);
            // 512 words of 7 characters, without the space after the last: 512 * 7 - 1.
            assertEquals(3583, encoder.tokenizerInputs(List.of(line)).get(0).length());
            String cjk = "我的包裹还没有到".repeat(100_000);
            assertEquals(512, encoder.tokenizerInputs(List.of(cjk)).get(0).length(), "one ideograph, one word");
            assertEquals(3583, encoder.tokenizerInputs(List.of("parcel\u00a0".repeat(100_000))).get(0).length(), "NBSP is a space");
            assertEquals(3583, encoder.tokenizerInputs(List.of("parcel\u3000".repeat(100_000))).get(0).length(), "so is U+3000");
            float[][] vectors = encoder.encode(List.of(line, line.substring(0, 3583)));
            assertArrayEquals(vectors[0], vectors[1]);
        }
    }

    @Test
    void aTokenizerOtherThanBertsIsLeftUncut() throws Exception {
        Path folder = Files.createTempDirectory("bpe-tokenizer");
        Path file = folder.resolve("tokenizer.json");
        Files.writeString(file, "{\"normalizer\":null,\"pre_tokenizer\":{\"type\":\"ByteLevel\"},\"model\":{\"type\":\"BPE\"},\"added_tokens\":[]}");
        String line = "parcel ".repeat(10_000);
        assertEquals(line, TokenCut.of(file, 8).apply(line));
        Files.writeString(file, "{\"normalizer\":{\"type\":\"BertNormalizer\",\"handle_chinese_chars\":true},\"pre_tokenizer\":"
                + "{\"type\":\"BertPreTokenizer\"},\"model\":{\"type\":\"WordPiece\"},\"added_tokens\":[{\"content\":\"[NEW LINE]\"}]}");
        assertEquals(line, TokenCut.of(file, 8).apply(line), "an added token with a space in it could span the cut");
    }

    @Test
    void aTextWithAnUnpairedSurrogateIsLeftUncut() {
        Path tokenizerFile = EncoderSpec.resolve("bge-small-en-v1.5", Optional.empty(), 512, CACHE).files().tokenizer();
        assertEquals(UNPAIRED, TokenCut.of(tokenizerFile, 512).apply(UNPAIRED));
        String paired = UNPAIRED.substring(0, UNPAIRED.length() - 1);
        // The emoji and the ideograph are not counted as words (neither is a letter that surely yields a token), so
        // 512 words are "late" and 511 "again": "😡 𠀋 late " is 11 UTF-16 units, then 6 * 511 - 1 (no last space).
        assertEquals(3076, TokenCut.of(tokenizerFile, 512).apply(paired).length());
    }

    @Test
    void aTokenizerThatKeepsTheLastTokensIsLeftUncut() throws Exception {
        Path file = Files.createTempDirectory("left-tokenizer").resolve("tokenizer.json");
        String bert = "\"normalizer\":{\"type\":\"BertNormalizer\"},\"pre_tokenizer\":{\"type\":\"BertPreTokenizer\"},"
                + "\"model\":{\"type\":\"WordPiece\"},\"added_tokens\":[]";
        String line = "parcel ".repeat(10_000);
        Files.writeString(file, "{" + bert + ",\"truncation\":{\"direction\":\"Left\",\"max_length\":8}}");
        assertEquals(line, TokenCut.of(file, 8).apply(line));
        Files.writeString(file, "{" + bert + ",\"truncation\":{\"direction\":\"Right\",\"max_length\":8}}");
        assertEquals("parcel ".repeat(8).strip(), TokenCut.of(file, 8).apply(line));
        Files.writeString(file, "{" + bert + ",\"truncation\":null}");
        assertEquals("parcel ".repeat(8).strip(), TokenCut.of(file, 8).apply(line));
    }

    @Test
    void eachPunctuationMarkCountsAsAWordUnlessAnAddedTokenHoldsIt() throws Exception {
        Path file = Files.createTempDirectory("punctuation-tokenizer").resolve("tokenizer.json");
        String bert = "\"normalizer\":{\"type\":\"BertNormalizer\"},\"pre_tokenizer\":{\"type\":\"BertPreTokenizer\"},"
                + "\"model\":{\"type\":\"WordPiece\"},\"added_tokens\":";
        Files.writeString(file, "{" + bert + "[]}");
        // "a", ",", "a", ",", ... : 8 words in 8 characters.
        assertEquals("a,a,a,a,", TokenCut.of(file, 8).apply("a,".repeat(10_000)));
        Files.writeString(file, "{" + bert + "[{\"content\":\"[MASK]\"}]}");
        String masks = "[MASK]".repeat(10_000);
        assertEquals(masks, TokenCut.of(file, 8).apply(masks), "one added token, not three words");
        assertEquals("a,a,a,a,", TokenCut.of(file, 8).apply("a,".repeat(10_000)));
    }

    private static List<String> samples() throws Exception {
        List<String> texts = new ArrayList<>();
        List<TicketRow> bitext = CliFiles.tickets(DATA.resolve("bitext/bitext_customer_support.csv"));
        List<TicketRow> clinc = CliFiles.tickets(DATA.resolve("clinc150/clinc150_full.csv"));
        IntStream.range(0, bitext.size()).filter(i -> i % 20 == 0).forEach(i -> texts.add(bitext.get(i).text()));
        IntStream.range(0, clinc.size()).filter(i -> i % 20 == 0).forEach(i -> texts.add(clinc.get(i).text()));
        String english = "Where is my parcel? I ordered it on Monday, paid €45.90 and it still hasn't arrived. ";
        texts.add(english.repeat(300));
        texts.add("我的包裹还没有到。请帮我查一下订单号１２３４５。".repeat(300));
        texts.add("注文した荷物がまだ届きません、確認してください。".repeat(300));
        texts.add("배송이 아직 안 왔어요 주문 번호 확인 부탁드립니다 ".repeat(300));
        texts.add("a".repeat(20_000));
        texts.add("supercalifragilistic".repeat(1_000) + " and then some words " .repeat(200));
        texts.add(("  \n\n\t word \r\n" + " ".repeat(30)).repeat(600));
        texts.add("📦🚚 late again 😡🙏 ".repeat(400) + "👍🏽".repeat(300));
        texts.add("Заказ не пришёл, Lieferung fehlt, commande perdue, 荷物 missing, طلبي لم يصل, पैकेट नहीं आया ".repeat(200));
        texts.add("résumé naïve Σίσυφος ΣΑΣ café\u0301 e\u0301\u0323 [MASK] [CLS]x ".repeat(400));
        texts.add("\u0000\u200b\u00ad\ufffd\u0301 ".repeat(500) + "word ".repeat(600));
        texts.add("a\u00a0b\u2003c\u3000d ".repeat(800));
        texts.add("中a中b中 c中\u0301中\uD840\uDC00x ".repeat(800));
        texts.add(UNPAIRED);
        texts.add("[MASK].[SEP],x!?[CLS]a-b_c'd\"e(f)g{h}~`@#$%^&*+=<>/\\|;: ".repeat(300));
        texts.add("\uDC00lost 😡\uD83D 𠀋 again ".repeat(300));
        texts.add("😡 𠀋 again\u00a0and\u3000again\u2028once\u202Fmore\u1680here\u2003then\u2029a\u205Fb ".repeat(300));
        return texts;
    }

    private static String abbreviated(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
