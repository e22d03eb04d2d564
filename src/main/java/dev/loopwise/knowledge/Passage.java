package dev.loopwise.knowledge;

/**
 * A knowledge-base passage found for a ticket. {@code score} is the cosine similarity of the ticket's and the
 * passage's vectors (-1..1, higher is closer); {@code articleUrl} may be null.
 */
public record Passage(long id, String articleTitle, String articleUrl, String text, double score) {
}
