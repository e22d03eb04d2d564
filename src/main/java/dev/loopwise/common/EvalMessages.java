package dev.loopwise.common;

import dev.loopwise.common.text.Counts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the offline evaluation commands (eval-intents, simulate) say about data they leave out or cannot use, and
 * about options that mean nothing.
 */
public final class EvalMessages {
    /** A preference row whose margin cannot be read as a number: left out rather than evaluated as a pair without one. */
    public static final String MARGIN_NOT_A_NUMBER = "'margin' must be a number (how much more the chosen reply is preferred),"
            + " such as 1.5, or 1,5 in a table separated by semicolons";

    private EvalMessages() {
    }

    /** The end of {@code eval-intents --help}: every shape of file it reads, so that a data set's own shape can be checked first. */
    public static final String INTENT_FILE_SHAPES = "%nFiles it reads (--train and --test; UTF-8, with or without a byte-order mark, or gzipped as .gz):%n"
            + "  CSV with a header row, its columns separated by commas, semicolons or tabs (TSV); quoted fields may hold"
            + " commas and line breaks.%n"
            + "  JSON lines, one {\"text\": ..., \"label\": ...} a line, or one JSON array of such rows.%n"
            + "  CLINC150's JSON: {\"train\": [[text, intent], ...], \"val\": [...], \"test\": [...], \"oos_train\": [...], ...};"
            + " each part is its rows' split (oos_ parts join the split they name).%n"
            + "Columns (JSON keys), in any case: text (or utterance, utt, sentence, query, question, message, ticket,"
            + " instruction); label (or label_text, intent, category, intent_name; a whole number is a name like any other);"
            + " split (or partition): train, test, or val, validation or dev to choose the out-of-scope threshold.";

    /** The end of {@code eval-reward --help}: the public shapes of preference pairs it reads. */
    public static final String PREFERENCE_FILE_SHAPES = "%nFiles it reads (--train and --test): JSON lines, one JSON array of rows,"
            + " or a CSV or TSV table of the same columns (UTF-8, with or without a byte-order mark), each row in one of these shapes:%n"
            + "  prompt, chosen, rejected (and margin): each a text or a list of chat messages (TRL, UltraFeedback);%n"
            + "  chosen and rejected alone: whole conversations, as messages or as Human:/Assistant: text (Anthropic HH);%n"
            + "  prompt, completion, label (KTO: a good and a bad completion of one prompt make a pair);%n"
            + "  question, response_j, response_k (StackExchange); history, human_ref_A, human_ref_B, labels (SHP);%n"
            + "  chosen_response and rejected_response, with instruction or query as the prompt;%n"
            + "  input with its messages, preferred_output, non_preferred_output (OpenAI preference fine-tuning).%n"
            + "The ticket is the last user message and each reply the last assistant message.";

    /** Said on stderr when held-out rows were left out; both counts may not be 0 at once. */
    public static String seenInTraining(int test, int validation) {
        String rows = test > 0 && validation > 0 ? Counts.of(test, "test row") + " and " + Counts.of(validation, "validation row")
                : test > 0 ? Counts.of(test, "test row") : Counts.of(validation, "validation row");
        return "Left out " + rows + " whose text a training row also has (compared ignoring case and spacing): scored on text"
                + " it trained on, the model would look better than it will on new tickets.";
    }

    /** A preference file that is not empty and holds no rows; {@code table}: a CSV or TSV, whose header may stand alone. */
    /** A table of a header line alone whose columns are none a pair is read from ({@code text,good,bad}). */
    public static String noPairColumns(List<String> header) {
        return "its header names the columns " + String.join(", ", header) + ", none of which a pair is read from, and no rows follow:"
                + " name the columns prompt, chosen, rejected in the header and write one pair a line under it";
    }

    public static String noPreferenceRows(boolean table) {
        return table ? "it has a header line and no rows under it: write one pair a line under the header (prompt, chosen, rejected)"
                : "it holds no rows: write one JSON object a line, {\"prompt\": ..., \"chosen\": ..., \"rejected\": ...}";
    }

    public static String testPairsSeenInTraining(int pairs) {
        return "Left out " + Counts.of(pairs, "test pair") + " whose prompt a training pair also has (compared ignoring case and"
                + " spacing): scored on tickets it trained on, the reward model would look better than it will on new ones.";
    }

    public static String allTestPairsSeenInTraining(Path file, int pairs) {
        return file + ": " + (pairs == 1 ? "the only test pair has" : "all " + pairs + " test pairs have") + " the prompt of a training"
                + " pair (compared ignoring case and spacing), so a score on them would say how well the reward model remembers, not"
                + " how it does on new tickets. Give test pairs whose prompts are not among the training pairs'.";
    }

    public static String allTestRowsSeenInTraining(Path file, int rows) {
        return file + ": " + (rows == 1 ? "the only test row has" : "all " + rows + " test rows have") + " the text of a training row"
                + " (compared ignoring case and spacing), so a score on them would say how well the model remembers, not how it"
                + " does on new tickets. Give test rows whose text is not among the training rows.";
    }

    /** A training row whose text (case and spacing aside) an earlier training row has under another label. */
    public static String textWithTwoLabels(Object earlierLine, String earlierLabel, String label) {
        return "the same text is on " + earlierLine + " with the label '" + earlierLabel + "' and here with '" + label
                + "' (compared ignoring case and spacing): one text has one intent, so keep the row with the right label";
    }

    /** Held-out rows or pairs fewer than this make a share the pages show as "too few to judge"; the commands say so too. */
    public static final int TOO_FEW_TO_JUDGE = 20;

    /**
     * Said on stderr when a figure comes from fewer than {@link #TOO_FEW_TO_JUDGE} held-out rows ({@code noun}: "test row",
     * "test pair"): "accuracy 1.0" on 2 pairs reads as a verdict, and one row more or less would move it by half.
     */
    public static String tooFewToJudge(int n, String noun) {
        return Counts.of(n, noun) + (n == 1 ? " is" : " are") + " too few to judge by: each moves the accuracy by "
                + Math.round(100.0 / n) + " points, so the figures below could be far from what it does on new tickets."
                + " Give at least " + TOO_FEW_TO_JUDGE + " (" + (TOO_FEW_TO_JUDGE - n) + " more) to tell.";
    }

    /** Intents with fewer than {@code fewest} training rows, each with its count: what the classifier can hardly learn. */
    public static String fewTrainingRows(Map<String, Integer> thin, int fewest) {
        return Counts.of(thin.size(), "intent") + (thin.size() == 1 ? " has" : " have") + " fewer than " + fewest + " training rows ("
                + thin.entrySet().stream().limit(10).map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "))
                + (thin.size() > 10 ? ", …" : "") + "): the model can hardly learn " + (thin.size() == 1 ? "it" : "them")
                + ", and each weighs on macro-F1 as much as any intent. Give each at least " + fewest + ".";
    }

    public static String threshold(double threshold) {
        return "--threshold is the probability of the best intent below which a request is handed over as out of scope: a number"
                + " from 0 to 1 (0.4: hand over when the best intent is less than 40% likely), not " + threshold + ".";
    }

    /**
     * Best-of-n's reward model before training on judgements that cannot teach it anything: all kept aside to measure it,
     * or each comparing a reply with itself (a draft that repeats a library reply word for word, served against it).
     */
    public static String draftRewardNothingToLearn(String preference, int judgements, int heldOut, int alike) {
        String aside = heldOut == 0 ? "" : heldOut == judgements ? "all of them are kept aside to measure it"
                : heldOut + (heldOut == 1 ? " is" : " are") + " kept aside to measure it";
        String same = alike == 0 ? "" : (heldOut == 0 ? "each compares" : alike == 1 ? "the other one compares"
                : "the other " + alike + " each compare") + " a reply with itself (the simulated drafts repeat the file's agent"
                + " replies word for word)";
        return "Preference " + preference + ": after " + Counts.of(judgements, "judgement") + " on draft items the reward model has"
                + " nothing to learn from: " + aside + (aside.isEmpty() || same.isEmpty() ? "" : ", and ") + same + ". It needs at"
                + " least one judgement between two different replies on a ticket not kept aside: give the file more tickets and"
                + " more varied agent replies per intent, or let the reviewers judge more (--checkpoints).";
    }

    /** A simulation's preference that none of the file's agent replies can be made to show in a better and a worse version. */
    public static String noReplyVariants(String preference) {
        String needs = switch (preference) {
            case "concise" -> "concise needs replies of two sentences or more, to set each against its first sentences alone";
            case "no_false_action" -> "no_false_action needs replies that say more than an action taken";
            case "sign_off" -> "sign_off needs replies that say more than a sign-off";
            default -> preference + " needs other replies";
        };
        return "Preference " + preference + ": no agent reply in the file can be shown in a better and a worse version (" + needs
                + "), so the simulated reply library would be empty. Give longer agent replies, or choose another --preference.";
    }

    /**
     * Said on stderr by eval-reward for the rows of a preference file it leaves out: lines that are not JSON as much as pairs
     * that teach nothing (an empty reply, two identical ones), the first few named.
     */
    /** {@code named}: the first problems, the same one at several lines said once; {@code more}: others were not named. */
    public static String preferenceRowsLeftOut(Path file, int rows, List<String> named, boolean more) {
        return file + ": left out " + Counts.of(rows, "row") + " it cannot learn from (" + String.join("; ", named)
                + (more ? "; …" : "") + ")";
    }

    /** A folder {@code eval-intents --vectors} wrote whose head file names a format this version does not read. */
    public static String vectorsFormatVersion(Path headFile, String found, int supported) {
        return headFile + (found == null ? " has no formatVersion line (it was written before the format carried one, or not by"
                + " eval-intents --vectors)" : " is in format version " + found) + "; this Loopwise reads format version " + supported
                + ". Write the folder again with eval-intents --vectors DIR.";
    }

    /** A share's likely range in whole percents, as the version and round pages show it. */
    public static String likelyBetween(int lowPercent, int highPercent) {
        return String.format("likely between %d%% and %d%%", lowPercent, highPercent);
    }
}
