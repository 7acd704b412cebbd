package org.linkage.notification.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.notification.domain.DeliveryStatus;
import org.linkage.notification.domain.NotificationChannel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "Who a need's offers reached, on which channel and when, and what each person did")
public record NeedReachResponse(UUID needId, List<PersonReached> people) {

    @Schema(description = "One person offered the need: the receipt trail queued → sent → delivered → opened → acted")
    public record PersonReached(
            @Schema(description = "The volunteer's id", examples = "6f1c2d3e-0000-4000-8000-000000000001")
            String recipient,
            UUID assignmentId,
            @Schema(description = "Whether the offer was an emergency (time-sensitive push, SMS after 30 s)")
            boolean emergency,
            Instant offeredAt,
            @Schema(description = "When the app acknowledged that the person opened the offer (first of any channel)")
            Instant openedAt,
            @Schema(description = "When the person answered") Instant actedAt,
            @Schema(description = "ACCEPTED or DECLINED", examples = "ACCEPTED") String action,
            List<ChannelReached> channels) {
    }

    @Schema(description = "One channel's delivery: the inbox, one push per device, an SMS or an email")
    public record ChannelReached(
            NotificationChannel channel,
            @Schema(description = "For PUSH the device's id; a phone or address shown masked",
                    examples = "+86138****5678") String destination,
            @Schema(description = "IN_APP is SENT once in the inbox; CANCELLED is an escalation that was not needed")
            DeliveryStatus status,
            int attempts,
            @Schema(description = "An escalation step: sent only if the offer was still unopened when it fell due")
            boolean escalation,
            Instant sentAt,
            Instant deliveredAt,
            Instant nextAttemptAt,
            String lastError) {
    }
}
