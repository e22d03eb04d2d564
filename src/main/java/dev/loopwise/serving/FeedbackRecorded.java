package dev.loopwise.serving;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a thumb on a served reply. */
@Schema(name = "FeedbackRecorded", description = "The feedback as recorded")
public record FeedbackRecorded(@Schema(description = "The feedback's id; sending again for the same request keeps it") long feedbackId) {
}
