package dev.loopwise.model.registry;

import java.util.List;

/** The workspace as a training run sees it, read once so that training never touches the database. */
public record WorkspaceSnapshot(List<IntentInfo> intents, List<TicketInfo> tickets, List<ReplyInfo> replies) {
    public record IntentInfo(String name, String description) {
        /** What the zero-shot classifier embeds for an intent: its name as words and its description. */
        public String asText() {
            String words = name.replace('_', ' ').replace('-', ' ');
            return description == null || description.isBlank() ? words : words + ": " + description;
        }
    }

    /** @param split "train", "test" or null (treated as train) */
    public record TicketInfo(long id, String text, String intent, String response, String split) {
        public boolean heldOut() {
            return "test".equals(split);
        }
    }

    public record ReplyInfo(long id, String intent, String text) {
    }
}
