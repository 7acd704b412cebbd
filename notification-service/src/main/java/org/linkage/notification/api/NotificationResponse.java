package org.linkage.notification.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.notification.domain.NotificationKind;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@Schema(description = "A notification in a person's inbox")
public record NotificationResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true,
                description = "Increases with every notification; the live stream's event id", examples = "42")
        long sequence,
        @Schema(required = true, description = "Who it is for: a volunteer id or a social worker's account",
                examples = "sw-zhang") String recipient,
        @Schema(required = true) NotificationKind kind,
        @Schema(required = true, examples = "新的服务邀请：助老陪伴") String title,
        @Schema(required = true, examples = "陪同王阿姨去社区医院复诊\n时间：3月5日 14:00–16:00\n请在3月5日 13:30前接受或谢绝。")
        String body,
        @Schema(required = true, description = "What the app needs to act on it; the keys depend on the kind",
                examples = "{\"needId\": \"9f1c2d3e-0000-4000-8000-000000000001\", "
                        + "\"assignmentId\": \"9f1c2d3e-0000-4000-8000-000000000002\", "
                        + "\"expiresAt\": \"2025-03-05T05:30:00Z\", \"category\": \"助老陪伴\", "
                        + "\"urgency\": \"ROUTINE\"}")
        Map<String, String> data,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, nullable = true,
                description = "When the recipient read it; null while unread") Instant readAt) {
}
