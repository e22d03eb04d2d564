package dev.loopwise.serving;

import dev.loopwise.common.config.PositiveDuration;
import dev.loopwise.common.config.SettingRange;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the answering API ({@code LOOPWISE_SERVING_MAX_TEXT_LENGTH}, ...). */
@ConfigMapping(prefix = "loopwise.serving")
public interface ServingConfig {
    /** Longest ticket text accepted, in characters. */
    @WithDefault("4000")
    @WithConverter(SettingRange.TicketCharacters.class)
    int maxTextLength();

    /**
     * Most messages a {@code /v1/chat/completions} request may hold. Only the last user message is read; a chat widget
     * sending a long conversation's every turn needs far fewer than this.
     */
    @WithDefault("1000")
    @WithConverter(SettingRange.ChatMessages.class)
    int maxChatMessages();

    /**
     * Most characters of text across all the messages of a {@code /v1/chat/completions} request (a system prompt and
     * earlier turns included): about 50,000 tokens, more than a support conversation with a long system prompt holds.
     */
    @WithDefault("200000")
    @WithConverter(SettingRange.ChatCharacters.class)
    int maxChatCharacters();

    /** Most requests encoded together; concurrent requests wait for each other only while the encoder is busy. */
    @WithDefault("32")
    @WithConverter(SettingRange.Batch.class)
    int maxBatch();

    /** Requests waiting for the encoder beyond this are refused with 503 instead of piling up. */
    @WithDefault("2048")
    @WithConverter(SettingRange.Queue.class)
    int queueCapacity();

    /**
     * What {@code /v1/chat/completions} answers for a ticket support does not handle (out of scope): a chat widget would
     * otherwise show an empty message. {@code loopwise.outOfScope} still tells a bot that reads it to hand over.
     */
    @WithDefault("Thank you for your message. I am passing it to a member of our support team, who will get back to you.")
    String handoverMessage();

    /** A request not answered within this time gets 503. */
    @WithDefault("30s")
    @WithConverter(PositiveDuration.class)
    Duration timeout();

    /**
     * Months of served requests kept: a month of the request log (one partition) is dropped, with the feedback on
     * it, once the month ended this long ago. 0 keeps every request.
     */
    @WithDefault("13")
    @WithConverter(SettingRange.Months.class)
    int retentionMonths();

    /**
     * Days a served request keeps its text and reply; after that both are blanked (the row, its intent, confidence and
     * latency stay for the figures, and its sentence vector stays under its hash). Drift windows, review items and
     * rounds read only requests that still have their text. 0 keeps them as long as the month is kept.
     */
    @WithDefault("0")
    @WithConverter(SettingRange.Days.class)
    int textRetentionDays();

    /** Monthly partitions of the request log made ahead of time, besides the current month's. */
    @WithDefault("3")
    @WithConverter(SettingRange.MonthsAhead.class)
    int partitionsAhead();

    /** How often the request log's partitions are made ahead and its old months dropped (read by that job's schedule). */
    @WithDefault("6h")
    @WithConverter(PositiveDuration.class)
    Duration partitionInterval();
}
