package org.linkage.notification.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalTime;

@Schema(description = "A daily period in the district's local time (Asia/Shanghai); it may run past midnight")
public record QuietHoursBody(
        @NotNull @Schema(type = SchemaType.STRING, pattern = TIME, examples = "22:00") LocalTime start,
        @NotNull @Schema(type = SchemaType.STRING, pattern = TIME, examples = "07:00") LocalTime end) {

    /** A local time of day, HH:mm (seconds when not zero): not RFC 3339's full-time, which needs an offset. */
    static final String TIME = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]+)?)?$";
}
