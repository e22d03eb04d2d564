package dev.loopwise.cli.support;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Picocli wraps a help footer's long line back to the left margin, so a list item's second line reads as a new item.
 * Each footer line is wrapped here instead: a line that starts indented (an item of a list) continues two columns
 * further in, so that every item stands out from its neighbours; a paragraph at the margin stays there.
 */
public final class HangingFooters {
    private HangingFooters() {
    }

    /** Re-wraps the footer of this command and of every command under it, to their help width. */
    public static CommandLine apply(CommandLine command) {
        UsageMessageSpec usage = command.getCommandSpec().usageMessage();
        if (usage.footer().length > 0) {
            List<String> lines = new ArrayList<>();
            for (String footer : usage.footer()) {
                for (String line : footer.split("%n", -1)) {
                    lines.addAll(wrap(line, usage.width()));
                }
            }
            usage.footer(String.join("%n", lines));
        }
        command.getSubcommands().values().forEach(HangingFooters::apply);
        return command;
    }

    /** One line as lines of at most {@code width} characters; an indented one continues two columns further in. */
    static List<String> wrap(String line, int width) {
        int indent = line.length() - line.stripLeading().length();
        String continuation = indent == 0 ? "" : " ".repeat(indent + 2);
        List<String> lines = new ArrayList<>();
        String rest = line;
        String prefix = "";
        while ((prefix + rest).length() > width) {
            int room = width - prefix.length();
            int cut = rest.lastIndexOf(' ', room);
            if (cut <= rest.length() - rest.stripLeading().length()) {
                break; // one word longer than the line: it goes whole
            }
            lines.add(prefix + rest.substring(0, cut));
            rest = rest.substring(cut + 1);
            prefix = continuation;
        }
        lines.add(prefix + rest);
        return lines;
    }
}
