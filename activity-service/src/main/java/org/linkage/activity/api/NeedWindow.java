package org.linkage.activity.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

@Schema(description = "When the help is needed: from start (inclusive) to end (exclusive); end must be after "
        + "start and in the future")
@NeedWindow.EndAfterStart
public record NeedWindow(
        @NotNull @Schema(examples = "2027-06-05T01:00:00Z") Instant start,
        @NotNull @Future(message = "must be in the future") @Schema(examples = "2027-06-05T03:00:00Z") Instant end) {

    /** Reported on {@code end}, so that the client knows which value to correct. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = EndAfterStartValidator.class)
    public @interface EndAfterStart {
        String message() default "must be after start";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class EndAfterStartValidator implements ConstraintValidator<EndAfterStart, NeedWindow> {
        @Override
        public boolean isValid(NeedWindow window, ConstraintValidatorContext context) {
            if (window.start() == null || window.end() == null || window.end().isAfter(window.start())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("end").addConstraintViolation();
            return false;
        }
    }
}
