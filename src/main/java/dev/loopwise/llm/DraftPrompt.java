package dev.loopwise.llm;

import java.util.List;

/**
 * The messages that ask the LLM for one draft: the brand voice and the rules in the system message; the intent,
 * the library's best replies (as examples of tone and of what may be promised), the passages and the ticket in the
 * user message. Library replies keep their {{slots}} so the LLM sees what a human agent would fill in.
 */
public record DraftPrompt(String system, String user) {
    static final String NO_KNOWLEDGE_BASE = "(no knowledge base is connected: rely on the example replies and the ticket only)";

    public static DraftPrompt build(String brandVoice, String intent, List<String> libraryReplies, List<GroundingPassage> passages,
                                    boolean knowledgeBase, String ticket) {
        String system = """
                You write replies to customer-support tickets for a support team.
                Brand voice: %s
                Write only the reply to the customer, no preamble. Do not invent order details, prices or policies: \
                use what the ticket, the example replies and the knowledge passages say. Where a detail is missing, \
                ask for it.""".formatted(brandVoice);
        StringBuilder user = new StringBuilder();
        user.append("Intent: ").append(intent == null ? "unknown" : intent).append("\n\n");
        user.append("Example replies from our library (best first):\n");
        for (int i = 0; i < libraryReplies.size(); i++) {
            user.append(i + 1).append(". ").append(libraryReplies.get(i)).append('\n');
        }
        user.append("\nKnowledge passages:\n");
        if (passages.isEmpty()) {
            user.append(knowledgeBase ? "(none matched this ticket)" : NO_KNOWLEDGE_BASE).append('\n');
        }
        for (GroundingPassage p : passages) {
            user.append("[").append(p.source()).append("] ").append(p.text()).append('\n');
        }
        user.append("\nTicket:\n").append(ticket).append("\n\nReply:");
        return new DraftPrompt(system, user.toString());
    }
}
