package org.linkage.notification.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.chassis.input.ChinaMobile;
import org.linkage.notification.domain.NotificationChannel;
import org.linkage.notification.domain.NotificationKind;

import java.util.List;
import java.util.Map;

@Schema(description = "How a person wants to be told; replaces what was set before")
public record PreferencesRequest(
        @Schema(description = "Per kind, the channels; a kind that is not listed goes to the inbox only, an empty "
                + "list unsubscribes from it. EMAIL needs an email, SMS a phone.",
                examples = "{\"OFFER_RECEIVED\": [\"IN_APP\", \"SMS\"], \"NEED_UNMATCHED\": [\"IN_APP\", \"EMAIL\"]}")
        Map<NotificationKind, @NotNull List<@NotNull NotificationChannel>> channels,
        @Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en")
        @Schema(description = "zh-CN when not given", examples = "zh-CN") String language,
        @Valid @Schema(description = "When routine email and SMS wait; emergencies do not") QuietHoursBody quietHours,
        @Email @Size(max = 254) @Schema(examples = "zhang.wei@example.com") String email,
        @Pattern(regexp = ChinaMobile.PATTERN,
                message = "must be a mainland China mobile number, e.g. 13812345678 or +8613812345678")
        @Schema(examples = "13812345678") String phone) {
}
