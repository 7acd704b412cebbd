package org.linkage.notification.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.notification.domain.NotificationChannel;
import org.linkage.notification.domain.NotificationKind;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@Schema(description = "How a person is told; the defaults until they set something")
public record PreferencesResponse(
        @Schema(examples = "sw-zhang") String recipient,
        @Schema(description = "Every kind with its channels",
                examples = "{\"OFFER_RECEIVED\": [\"IN_APP\", \"SMS\"], \"ASSIGNMENT_CONFIRMED\": [\"IN_APP\"], "
                        + "\"NEED_UNMATCHED\": [\"IN_APP\", \"EMAIL\"]}")
        Map<NotificationKind, List<NotificationChannel>> channels,
        @Schema(examples = "zh-CN") String language,
        @Schema(description = "Null when there are none") QuietHoursBody quietHours,
        @Schema(examples = "zhang.wei@example.com") String email,
        @Schema(examples = "13812345678") String phone,
        @Schema(description = "Null while the defaults apply") Instant updatedAt) {
}
