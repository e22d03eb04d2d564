package dev.loopwise.cli;

import dev.loopwise.common.CommandLineMessages;
import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
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
            command.getErr().println(CommandLineMessages.unknownCommand(command.getCommandSpec().qualifiedName(),
                    unmatched.getUnmatched().get(0), unmatched.getSuggestions()));
            command.getErr().flush();
            return 2;
        }
        if (failure instanceof UnmatchedArgumentException unmatched && unmatched.isUnknownOption()) {
            String option = unmatched.getUnmatched().stream().filter(a -> a.startsWith("-")).findFirst().orElse(unmatched.getUnmatched().get(0));
            problem = CommandLineMessages.unknownOption(option, unmatched.getSuggestions());
        }
        command.getErr().println(CommandLineMessages.badOption(command.getCommandSpec().qualifiedName(), problem));
        command.getErr().flush();
        return 2;
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
