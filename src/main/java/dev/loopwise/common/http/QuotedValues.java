package dev.loopwise.common.http;

import java.util.regex.Pattern;

/** Messages that quote back what the client sent, kept short enough to read. */
final class QuotedValues {
    private QuotedValues() {
    }

    /** A value the client sent, quoted back in a message, is shortened: a megabyte of it helps nobody find the mistake. */
    static String abbreviated(String message) {
        if (message == null || message.length() <= 600) {
            return message;
        }
        String shorter = LONG_QUOTE.matcher(message).replaceAll("$1$2…$1");
        return shorter.length() <= 1_000 ? shorter : shorter.substring(0, 1_000) + "…";
    }

    /** A quoted value of 80+ characters; never across a ';', which separates the problems of one message. */
    private static final Pattern LONG_QUOTE = Pattern.compile("(['\"`])([^'\"`;]{60})[^'\"`;]{20,}\\1");
}
