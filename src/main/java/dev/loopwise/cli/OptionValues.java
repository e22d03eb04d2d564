package dev.loopwise.cli;

import dev.loopwise.common.CommandLineMessages;
import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How the command line reads numbers and reports options it cannot use. Picocli's own answer is its message followed by
 * the whole usage text (seventy lines for {@code simulate}), and it says "is not an int" of a value too large for one.
 */
final class OptionValues {
    private OptionValues() {
    }

    static CommandLine withNumbersInWords(CommandLine commandLine) {
        commandLine.registerConverter(Integer.class, value -> (int) whole(value, Integer.MAX_VALUE));
        commandLine.registerConverter(Integer.TYPE, value -> (int) whole(value, Integer.MAX_VALUE));
        commandLine.registerConverter(Long.class, value -> whole(value, Long.MAX_VALUE));
        commandLine.registerConverter(Long.TYPE, value -> whole(value, Long.MAX_VALUE));
        commandLine.registerConverter(Double.class, OptionValues::decimal);
        commandLine.registerConverter(Double.TYPE, OptionValues::decimal);
        commandLine.registerConverter(Path.class, OptionValues::path);
        return commandLine;
    }

    /** One paragraph on stderr and exit code 2, as a failure while running says it. */
    static int report(ParameterException thrown, String[] args) {
        CommandLine command = thrown.getCommandLine();
        ParameterException failure = thrown;
        // Picocli checks required options before unknown ones: "--trian a.csv" was answered "Missing required option
        // '--train'", which sends the user looking for an option they believe they gave instead of at the typo.
        if (thrown instanceof MissingParameterException) {
            List<String> unknown = command.getUnmatchedArguments().stream().filter(a -> a.startsWith("-")).toList();
            if (!unknown.isEmpty()) {
                failure = new UnmatchedArgumentException(command, unknown);
            }
        }
        String problem = failure.getMessage();
        if (failure instanceof UnmatchedArgumentException unmatched && !unmatched.isUnknownOption()
                && !command.getSubcommands().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            String word = unmatched.getUnmatched().get(0);
            command.getErr().println(CommandLineMessages.unknownCommand(command.getCommandSpec().qualifiedName(), word,
                    near(word, command.getSubcommands().keySet())));
            command.getErr().flush();
            return 2;
        }
        if (failure instanceof UnmatchedArgumentException unmatched && unmatched.isUnknownOption()) {
            // "--trian=a.csv" is the option "--trian"; a value after an unknown option ("--reviews 5") is no option at all.
            Set<String> names = command.getCommandSpec().options().stream().filter(o -> !o.hidden())
                    .flatMap(o -> Arrays.stream(o.names())).collect(Collectors.toCollection(LinkedHashSet::new));
            Map<String, List<String>> unknown = new LinkedHashMap<>();
            unmatched.getUnmatched().stream().filter(a -> a.startsWith("-") && !a.matches("-[0-9.].*")).map(a -> a.split("=", 2)[0])
                    .forEach(option -> unknown.computeIfAbsent(option, o -> near(o, names)));
            if (!unknown.isEmpty()) {
                problem = CommandLineMessages.unknownOptions(unknown);
            }
        }
        if (failure instanceof OverwrittenOptionException overwritten && overwritten.getOverwritten() instanceof OptionSpec option) {
            problem = CommandLineMessages.givenTwice(option.longestName(), valuesOf(option, args));
        }
        command.getErr().println(CommandLineMessages.badOption(command.getCommandSpec().qualifiedName(), problem));
        command.getErr().flush();
        return 2;
    }

    /** The values given to {@code option}, as --name value or --name=value, in their order. */
    private static List<String> valuesOf(OptionSpec option, String[] args) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < args.length && option.arity().max() > 0; i++) {
            for (String name : option.names()) {
                if (args[i].equals(name) && i + 1 < args.length) {
                    values.add(args[i + 1]);
                } else if (args[i].startsWith(name + "=")) {
                    values.add(args[i].substring(name.length() + 1));
                }
            }
        }
        return values;
    }

    /**
     * The names a typo was likely meant as: within two edits, or a third of the name's length for a long one. Picocli
     * suggests its nearest names however far ("--reviews": did you mean --replies-per-intent or --reward-model?).
     */
    static List<String> near(String typed, Collection<String> names) {
        String word = typed.replaceFirst("^-+", "");
        int most = Math.max(2, word.length() / 3);
        return names.stream().filter(name -> edits(word, name.replaceFirst("^-+", "")) <= most)
                .sorted(Comparator.comparingInt(name -> edits(word, name.replaceFirst("^-+", "")))).limit(3).toList();
    }

    /** Levenshtein distance: the fewest single-character insertions, deletions and substitutions from one to the other. */
    private static int edits(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[b.length()];
    }

    private static long whole(String value, long most) {
        String digits = value.strip();
        // Only the digits 0 to 9, as the API reads counts: Java would read Arabic-Indic or full-width digits too.
        if (!digits.matches("[+-]?[0-9]+")) {
            throw new TypeConversionException(CommandLineMessages.notAWholeNumber(value));
        }
        BigInteger number = new BigInteger(digits);
        if (number.abs().compareTo(BigInteger.valueOf(most)) > 0) {
            throw new TypeConversionException(CommandLineMessages.wholeNumberTooLarge(value, most));
        }
        return number.longValue();
    }

    /**
     * Picocli answered with Java's InvalidPathException ("Malformed input or input contains unmappable characters"); a
     * replacement mark is the same loss under a locale that could map it, and no file is named so on purpose.
     */
    private static Path path(String value) {
        try {
            if (value.indexOf('\uFFFD') < 0) {
                return Path.of(value);
            }
        } catch (InvalidPathException e) {
            // said below
        }
        throw new TypeConversionException(CommandLineMessages.undecodedFileName(value));
    }

    private static double decimal(String value) {
        String number = value.strip();
        // Double.parseDouble also takes NaN, Infinity and hexadecimal, which no option means.
        if (!number.matches("[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?")) {
            throw new TypeConversionException(CommandLineMessages.notANumber(value));
        }
        return Double.parseDouble(number);
    }
}
