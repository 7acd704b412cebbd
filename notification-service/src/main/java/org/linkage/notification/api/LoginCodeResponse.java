package org.linkage.notification.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The login code was accepted by an SMS provider")
public record LoginCodeResponse(
        @Schema(required = true,
                description = "The number, masked as in logs", examples = "+86138****8000") String sentTo,
        @Schema(required = true,
                description = "The provider that took the message", examples = "ALIYUN") String provider) {
}
