package dev.loopwise.common;

import dev.loopwise.common.text.Counts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the command line says about options it cannot use: one paragraph on stderr naming the option and what to give,
 * instead of the whole usage text, in which the one line that matters is easy to miss.
 */
public final class CommandLineMessages {
    // Said of a CSV and of a JSON file alike: "a row under its header" meant nothing for a JSON [].
    private static final String ONE_TICKET = "(a row under a CSV header with a text column, or a JSON object with a \"text\")";

    private CommandLineMessages() {
    }

    /** {@code command} is the full command ("loopwise eval-intents"); {@code problem} one sentence without its full stop. */
    public static String badOption(String command, String problem) {
        // A converter's sentence may end in its own full stop ("… or a fragment."), which would read "fragment.. Run".
        String sentence = problem.endsWith(".") ? problem.substring(0, problem.length() - 1) : problem;
        return command + ": " + sentence + ". Run '" + command + " --help' to see its options.";
    }

    /** Each option the command does not have, in the order given, with the names it was likely meant as (none when none is close). */
    public static String unknownOptions(Map<String, List<String>> suggestions) {
        List<String> each = suggestions.entrySet().stream().map(e -> "no option '" + e.getKey() + "'" + (e.getValue().isEmpty() ? ""
                : " (did you mean " + String.join(" or ", e.getValue()) + "?)")).toList();
        return "there is " + (each.size() == 1 ? each.get(0)
                : String.join(", ", each.subList(0, each.size() - 1)) + " and " + each.get(each.size() - 1));
    }

    /**
     * An option given twice, which picocli says as "option '--train' (<train>) should be specified only once"; {@code values}
     * are what it was given, none for a switch.
     */
    public static String givenTwice(String option, List<String> values) {
        if (values.size() < 2) {
            return option + " is given more than once: give it once.";
        }
        return option + " is given " + (values.size() == 2 ? "twice" : values.size() + " times") + " ('" + String.join("', '", values)
                + "'): it takes one value, so give it once.";
    }

    /** A word where a command was expected ({@code loopwise serv}): picocli would say "Unmatched argument at index 0". */
    public static String unknownCommand(String command, String word, List<String> suggestions) {
        return command + ": there is no command '" + word + "'" + (suggestions.isEmpty() ? "" : " (did you mean "
                + String.join(" or ", suggestions) + "?)") + ". Run '" + command
                + " --help' to see its commands.";
    }

    public static String notAWholeNumber(String value) {
        return "'" + value + "' is not a whole number (write it with the digits 0 to 9, such as 5)";
    }

    public static String wholeNumberTooLarge(String value, long most) {
        return "'" + value + "' is more than this option takes (at most " + most + ")";
    }

    public static String notANumber(String value) {
        return "'" + value + "' is not a number (write it such as 0.25)";
    }

    /** An option's value out of its range, said before any file is read or anything is encoded. */
    public static String outOfRange(String option, String range, Object given) {
        return option + " must be " + range + ", not " + given + ".";
    }

    /**
     * A label option given empty or as spaces alone ({@code --name "$LABEL"} with LABEL unset): taken as left out, it made a
     * key under the default name the script never asked for. {@code leftOut}: what leaving the option out gives.
     */
    public static String blankLabel(String option, String value, String leftOut) {
        return option + " is " + (value.isEmpty() ? "empty" : "only spaces") + ": give a label to recognise it by, or leave " + option
                + " out for " + leftOut + ".";
    }

    /** A label longer than what is stored, counted in characters as typed (without spaces around it). */
    public static String labelTooLong(String option, int length, int most) {
        return option + " has " + length + " characters: it takes at most " + most + "; give a shorter label.";
    }

    /** {@code options}: one option or several joined by ", ". */
    public static String onlyWith(String options, String with) {
        boolean one = !options.contains(",");
        return options + (one ? " only means something with " : " only mean something with ") + with + ": give " + with
                + ", or leave " + (one ? "it" : "them") + " out.";
    }

    /** Options of one mode of a command ({@code purpose}) given with the option that picks the other, which does not use them. */
    public static String notWith(String options, String with, String purpose) {
        boolean one = !options.contains(",");
        return with + " does not use " + options + ": " + (one ? "it is" : "they are") + " for " + purpose + "; leave "
                + (one ? "it" : "them") + " out, or leave out " + with + ".";
    }

    public static String noTestRows(Object file, String command) {
        return file + " has no 'test' rows: " + command + " needs a 'split' column with 'train' and 'test' rows"
                + " (the test rows play the traffic).";
    }

    /**
     * An argument Java could not decode: a shell whose locale is not UTF-8 (LANG=C, as cron and many containers run)
     * hands it accented letters as bytes that arrive as replacement marks, which would be stored as they are.
     */
    public static String undecodedArgument(String option) {
        return option + " holds characters that arrived as replacement marks (\uFFFD): the shell's locale is not UTF-8, so"
                + " accented letters and other non-ASCII text were lost. Run the command with a UTF-8 locale (LANG=C.UTF-8) or"
                + " write the value in plain ASCII.";
    }

    /** A file name Java could not decode or cannot name a file by, for the reason {@link #undecodedArgument} says. */
    public static String undecodedFileName(String value) {
        return "'" + value + "' cannot be read as a file name: the shell's locale is not UTF-8, so accented letters and other"
                + " non-ASCII characters in it were lost. Run the command with a UTF-8 locale (LANG=C.UTF-8) or rename the file in"
                + " plain ASCII.";
    }

    /** A list of encoders with an empty place: measured as nothing, or as the default encoder under no name. */
    public static String emptyEncoderName(String option) {
        return option + " is a list of encoder names or folders separated by commas (such as all-MiniLM-L6-v2,bge-small-en-v1.5),"
                + " and it holds an empty one: write each name, with no comma left over.";
    }

    /** A file of texts to measure speed on that holds none: every figure would be zero, or a division by it. */
    public static String noTexts(Object file, String option) {
        return file + " holds no tickets: " + option + " needs a ticket file of at least one ticket " + ONE_TICKET + "; leave "
                + option + " out to use the demo's traffic.";
    }

    /** {@code simulate --extra-tickets} on a file of no tickets, which ran as if it had not been given. */
    public static String noExtraTickets(Object file) {
        return file + " holds no tickets: --extra-tickets needs a ticket file of at least one ticket " + ONE_TICKET + "; leave it"
                + " out to run the policy update on the data file's tickets alone.";
    }

    public static String heldOutIntents(int heldOut, int intents) {
        return "--held-out-intents " + heldOut + " leaves too few intents to train on: the file has " + intents
                + " intents and at least 2 must stay in training, so give 1 to " + Math.max(1, intents - 2) + ".";
    }

    /** An output an option names that cannot be written there, said before anything is trained. */
    public static String outputPlace(String option, Object path, String problem) {
        return option + " names where to write: '" + path + "' " + problem + ".";
    }

    public static String benchNotAnswering(String url) {
        return "the server at " + url + " did not answer";
    }

    public static String benchAccountUnderWay(String url) {
        return "the server at " + url + " was still making one when the command stopped";
    }

    public static String benchKeyRefused(int status) {
        return "the admin key was refused (HTTP " + status + ")";
    }

    public static String benchServerAnswered(int status) {
        return "the server answered HTTP " + status;
    }

    public static String benchNotWithin(String url, long seconds) {
        return "the server at " + url + " did not disable them all within " + seconds + " s";
    }

    /**
     * Names the accounts left by their numbers in the run, as the Users page lists them, since their ids mean nothing
     * there; consecutive numbers are shown as a range.
     */
    public static String benchAccountsLeft(int disabled, List<Integer> left, String run, String reason) {
        String said = Counts.of(disabled, "simulated reviewer account") + " disabled";
        if (left.isEmpty()) {
            return said;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < left.size(); i++) {
            int first = left.get(i);
            while (i + 1 < left.size() && left.get(i + 1) == left.get(i) + 1) {
                i++;
            }
            int last = left.get(i);
            names.add(last - first >= 2 ? "bench-" + run + "-" + first + " … bench-" + run + "-" + last
                    : last > first ? "bench-" + run + "-" + first + ", bench-" + run + "-" + last : "bench-" + run + "-" + first);
        }
        return said + "; " + left.size() + " could not be, as " + reason + ": disable the account" + (left.size() == 1 ? " " : "s ")
                + String.join(", ", names) + " on the Users page";
    }
}
