package dev.loopwise.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an article into passages, the units a ticket is matched against. The rule:
 * <ol>
 *   <li>A passage never crosses a heading: each section is split on its own.</li>
 *   <li>Within a section, whole paragraphs are packed together while the passage stays within {@code maxChars}.</li>
 *   <li>A paragraph longer than that is cut into pieces of at most {@code maxChars}, at a sentence end where one lies
 *       in the second half of the piece, else between words in that half, else inside the word; each piece after the first starts with the last
 *       {@code overlapChars} (or fewer, whole words) of the one before, so a sentence cut at an edge is whole in one.</li>
 * </ol>
 * What is embedded is the passage with its article title and heading in front, so a passage that says "within 30
 * days" is still found by a ticket about returns when only its heading says "Returns".
 */
final class Passages {
    record Draft(String heading, String text) {
        String embedded(String title) {
            return title + (heading == null ? "" : " — " + heading) + ": " + text;
        }
    }

    private Passages() {
    }

    /**
     * Longest heading put in front of a passage: a heading is a few words, and one that is not (a paragraph marked up as a
     * heading) would be repeated in every passage of its section and crowd out the text the encoder reads.
     */
    static final int MAX_HEADING = 200;

    static List<Draft> split(Article article, int maxChars, int overlapChars) {
        List<Draft> out = new ArrayList<>();
        for (Article.Section full : article.sections()) {
            Article.Section section = new Article.Section(shortened(full.heading()), full.paragraphs());
            StringBuilder current = new StringBuilder();
            for (String paragraph : section.paragraphs()) {
                if (paragraph.length() > maxChars) {
                    flush(out, section.heading(), current);
                    for (String piece : cut(paragraph, maxChars, overlapChars)) {
                        out.add(new Draft(section.heading(), piece));
                    }
                    continue;
                }
                if (current.length() > 0 && current.length() + 2 + paragraph.length() > maxChars) {
                    flush(out, section.heading(), current);
                }
                current.append(current.length() > 0 ? "\n\n" : "").append(paragraph);
            }
            flush(out, section.heading(), current);
        }
        return out;
    }

    static String shortened(String heading) {
        if (heading == null || heading.length() <= MAX_HEADING) {
            return heading;
        }
        int end = boundary(heading, 0, MAX_HEADING);
        return heading.substring(0, end).strip() + "…";
    }

    private static void flush(List<Draft> out, String heading, StringBuilder current) {
        if (current.length() > 0) {
            out.add(new Draft(heading, current.toString()));
            current.setLength(0);
        }
    }

    /** Pieces of at most {@code max} characters covering the text, overlapping by up to {@code overlap}. */
    static List<String> cut(String text, int max, int overlap) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + max);
            if (end < text.length()) {
                end = boundary(text, start, end);
            }
            pieces.add(text.substring(start, end).trim());
            if (end >= text.length()) {
                break;
            }
            int next = Math.max(start + 1, end - overlap);
            // Start the overlap at a word: skip the partial word the cut would begin with.
            while (next < end && !Character.isWhitespace(text.charAt(next - 1))) {
                next++;
            }
            start = next >= end ? end : next;
            while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
        }
        return pieces;
    }

    /**
     * Where to end a piece that would end at {@code end}: a sentence end in its second half, else the last space in it, else
     * {@code end}. A space earlier than that would leave a piece of a word or two before a long unbroken run (a pasted
     * address, say): a passage that says nothing, yet is found for tickets.
     */
    private static int boundary(String text, int start, int end) {
        int half = start + (end - start) / 2;
        for (int i = end - 1; i > half; i--) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i + 1))) {
                return i + 1;
            }
        }
        for (int i = end; i > half; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        // No space to cut at: never between the two halves of one character (an emoji, say).
        return Character.isLowSurrogate(text.charAt(end)) && end - 1 > start ? end - 1 : end;
    }
}
