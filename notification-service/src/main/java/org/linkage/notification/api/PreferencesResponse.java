package org.linkage.notification.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.notification.domain.NotificationChannel;
import org.linkage.notification.domain.NotificationKind;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@Schema(description = "How a person is told; the defaults until they set something")
public record PreferencesResponse(
        @Schema(required = true, examples = "sw-zhang") String recipient,
        @Schema(required = true, description = "Every kind with its channels",
                examples = "{\"OFFER_RECEIVED\": [\"IN_APP\", \"SMS\"], \"ASSIGNMENT_CONFIRMED\": [\"IN_APP\"], "
                        + "\"NEED_UNMATCHED\": [\"IN_APP\", \"EMAIL\"]}")
        Map<NotificationKind, List<NotificationChannel>> channels,
        @Schema(required = true, examples = "zh-CN") String language,
        // Null when there are none. No description: beside the nullable $ref it would make null fail the schema.
        @Schema(required = true, nullable = true) QuietHoursBody quietHours,
        @Schema(required = true, nullable = true, examples = "zhang.wei@example.com") String email,
        @Schema(required = true, nullable = true, examples = "13812345678") String phone,
        @Schema(required = true, nullable = true, description = "Null while the defaults apply") Instant updatedAt) {
}
