package dev.loopwise.alignment.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the simulated reviewers read in a reply's text: claimed actions, the team's sign-off, sentences.
 * Rules, not models, so that the truth is exact and a test can state it; the reward model must learn the
 * same property from sentence vectors, which is the point of the simulation.
 */
public final class ReplyText {
    /** The sign-off the simulated team asks for; the library builder appends it to the "with sign-off" variants. */
    public static final String SIGN_OFF = "— The support team";

    /** Verbs of actions an agent could claim to have taken on the customer's behalf. */
    private static final String ACTION = "(?:cancell?ed|refunded|processed|issued|sent|re-?sent|dispatched|shipped|updated|changed|deleted"
            + "|closed|removed|reset|credited|applied|added|arranged|booked|rebooked|started|chased|raised|escalated|submitted|reversed"
            + "|unlocked|reactivated|activated|deactivated|replaced|reinstated|corrected|fixed|waived|upgraded|downgraded|transferred"
            + "|approved|extended|restored|registered|subscribed|unsubscribed|filed|placed|modified)";
    /** "once we have sent it", "if your order has been shipped": conditions, not claims. */
    private static final String NOT_AFTER_CONDITION = "(?<!\\b(?:if|once|when|after|before|until|unless|whether|soon as)\\s)";
    private static final Pattern FIRST_PERSON_CLAIM = Pattern.compile(NOT_AFTER_CONDITION
            + "\\b(?:I|we)(?:['’]ve|\\s+have)?\\s+(?:(?:already|just|now|successfully|also)\\s+|gone\\s+ahead\\s+and\\s+)*" + ACTION + "\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PASSIVE_CLAIM = Pattern.compile(NOT_AFTER_CONDITION
            + "\\byour\\s+(?:[\\w{}-]+\\s+){0,3}?(?:has|have|was|were)\\s+(?:(?:now|already|just|successfully)\\s+)*(?:been\\s+)?"
            + "(?:(?:now|already|just|successfully)\\s+)*" + ACTION + "\\b", Pattern.CASE_INSENSITIVE);
    /** A last line such as "— The support team" or "– Fernhill & Co. support": a dash, then a name ending in team or support. */
    private static final Pattern SIGN_OFF_LINE = Pattern.compile("^(?:—|–|--?)\\s*[\\w&.,'’ ]{0,40}?\\b(?:team|support)[.!]?$",
            Pattern.CASE_INSENSITIVE);
    /** A sentence ends at . ! or ? followed by a space (not "1." of a numbered list), or at a line break. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<![\\s(]\\d)(?<!^\\d)[.!?]+[\"'”’)]*(?=\\s|$)|\\n");

    private ReplyText() {
    }

    /** True when the reply says an action was already taken ("I've cancelled your order", "your refund has been processed"). */
    public static boolean claimsAction(String reply) {
        return FIRST_PERSON_CLAIM.matcher(reply).find() || PASSIVE_CLAIM.matcher(reply).find();
    }

    /** True when the reply's last non-blank line is a team sign-off. */
    public static boolean endsWithSignOff(String reply) {
        String[] lines = reply.strip().split("\\R");
        return SIGN_OFF_LINE.matcher(lines[lines.length - 1].strip()).matches();
    }

    /** The reply without a trailing sign-off line (unchanged when it has none). */
    public static String withoutSignOff(String reply) {
        String text = reply.strip();
        while (endsWithSignOff(text)) {
            int cut = Math.max(text.lastIndexOf('\n'), 0);
            text = text.substring(0, cut).strip();
        }
        return text;
    }

    /**
     * The sentences as consecutive spans of the text, each with its trailing white space, so that joining
     * any subset in order keeps the reply's own layout (paragraphs, lists).
     */
    public static List<String> sentences(String text) {
        List<String> spans = new ArrayList<>();
        Matcher end = SENTENCE_END.matcher(text);
        int start = 0;
        while (end.find()) {
            int stop = end.end();
            while (stop < text.length() && Character.isWhitespace(text.charAt(stop))) {
                stop++;
            }
            if (!text.substring(start, stop).isBlank()) {
                spans.add(text.substring(start, stop));
                start = stop;
            }
        }
        if (start < text.length() && !text.substring(start).isBlank()) {
            spans.add(text.substring(start));
        }
        return spans;
    }

    /** The reply without the sentences that claim an action. */
    public static String withoutClaims(String reply) {
        StringBuilder out = new StringBuilder();
        for (String sentence : sentences(reply)) {
            if (!claimsAction(sentence)) {
                out.append(sentence);
            }
        }
        return out.toString().strip();
    }
}
