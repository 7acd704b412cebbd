package org.linkage.notification.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.notification.domain.DevicePlatform;
import org.linkage.notification.domain.PushRoute;

@Schema(description = "The app on one phone, as its push service knows it")
public record DeviceRequest(
        @NotNull @Schema(examples = "IOS") DevicePlatform platform,
        @NotNull @Schema(description = "APNS for iPhones; FCM for Android phones with Google services, HUAWEI for "
                + "Huawei and Honor phones without", examples = "APNS") PushRoute route,
        @NotNull @Size(max = 4096)
        @Schema(description = "The push token the platform gave the app: 64 hex digits for APNS; 100 to 4096 of "
                + "[A-Za-z0-9_:-] for FCM; 32 to 512 of [A-Za-z0-9_.:-] for HUAWEI. Write-only: responses show its "
                + "last six characters", examples = "8f3c1d2e4b5a69788f3c1d2e4b5a69788f3c1d2e4b5a69788f3c1d2e4b5a6978")
        String token,
        @NotNull @Pattern(regexp = "[0-9A-Za-z.+\\-]{1,32}", message = "must be 1 to 32 of [0-9A-Za-z.+-]")
        @Schema(examples = "2.4.1") String appVersion,
        @NotNull
        @Pattern(regexp = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8}){0,3}", message = "must be a BCP 47 tag, e.g. zh-CN")
        @Schema(description = "The phone's language (BCP 47); notifications follow the person's preferences",
                examples = "zh-CN") String locale) {
}
