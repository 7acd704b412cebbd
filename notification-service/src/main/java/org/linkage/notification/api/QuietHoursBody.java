package org.linkage.notification.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalTime;

@Schema(description = "A daily period in the district's local time (Asia/Shanghai); it may run past midnight")
public record QuietHoursBody(
        @NotNull @Schema(type = SchemaType.STRING, format = "time", examples = "22:00") LocalTime start,
        @NotNull @Schema(type = SchemaType.STRING, format = "time", examples = "07:00") LocalTime end) {
}
