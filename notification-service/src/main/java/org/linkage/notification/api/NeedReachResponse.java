package org.linkage.notification.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.notification.domain.DeliveryStatus;
import org.linkage.notification.domain.NotificationChannel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "Who a need's offers reached, on which channel and when, and what each person did")
public record NeedReachResponse(
        @Schema(required = true) UUID needId,
        @Schema(required = true) List<PersonReached> people) {

    @Schema(description = "One person offered the need: the receipt trail queued → sent → delivered → opened → acted")
    public record PersonReached(
            @Schema(required = true,
                    description = "The volunteer's id", examples = "6f1c2d3e-0000-4000-8000-000000000001")
            String recipient,
            @Schema(required = true, nullable = true) UUID assignmentId,
            @Schema(required = true,
                    description = "Whether the offer was an emergency (time-sensitive push, SMS after 30 s)")
            boolean emergency,
            @Schema(required = true) Instant offeredAt,
            @Schema(required = true, nullable = true,
                    description = "When the app acknowledged that the person opened the offer (first of any channel)")
            Instant openedAt,
            @Schema(required = true, nullable = true, description = "When the person answered") Instant actedAt,
            @Schema(required = true, nullable = true,
                    description = "ACCEPTED or DECLINED", examples = "ACCEPTED") String action,
            @Schema(required = true) List<ChannelReached> channels) {
    }

    @Schema(description = "One channel's delivery: the inbox, one push per device, an SMS or an email")
    public record ChannelReached(
            @Schema(required = true) NotificationChannel channel,
            @Schema(required = true, nullable = true,
                    description = "For PUSH the device's id; a phone or address shown masked; null in the inbox",
                    examples = "+86138****5678") String destination,
            @Schema(required = true,
                    description = "IN_APP is SENT once in the inbox; CANCELLED is an escalation that was not needed")
            DeliveryStatus status,
            @Schema(required = true) int attempts,
            @Schema(required = true,
                    description = "An escalation step: sent only if the offer was still unopened when it fell due")
            boolean escalation,
            @Schema(required = true, nullable = true) Instant sentAt,
            @Schema(required = true, nullable = true) Instant deliveredAt,
            @Schema(required = true, nullable = true) Instant nextAttemptAt,
            @Schema(required = true, nullable = true) String lastError) {
    }
}
