package org.linkage.notification.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.notification.domain.DevicePlatform;
import org.linkage.notification.domain.PushRoute;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "A registered device; its token is never shown whole")
public record DeviceResponse(
        UUID id,
        DevicePlatform platform,
        PushRoute route,
        @Schema(description = "The token's last six characters, to tell one's phones apart", examples = "…5a6978")
        String tokenHint,
        @Schema(examples = "2.4.1") String appVersion,
        @Schema(examples = "zh-CN") String locale,
        @Schema(description = "When this person registered it") Instant registeredAt,
        @Schema(description = "When it was last registered again") Instant updatedAt) {
}
