package org.linkage.notification.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.notification.domain.DevicePlatform;
import org.linkage.notification.domain.PushRoute;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "A registered device; its token is never shown whole")
public record DeviceResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) DevicePlatform platform,
        @Schema(required = true) PushRoute route,
        @Schema(required = true,
                description = "The token's last six characters, to tell one's phones apart", examples = "…5a6978")
        String tokenHint,
        @Schema(required = true, nullable = true, examples = "2.4.1") String appVersion,
        @Schema(required = true, nullable = true, examples = "zh-CN") String locale,
        @Schema(required = true, description = "When this person registered it") Instant registeredAt,
        @Schema(required = true, nullable = true,
                description = "When it was last registered again") Instant updatedAt) {
}
