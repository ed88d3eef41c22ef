package de.stadtretter.catalog.cases.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import de.stadtretter.kit.reference.ReferenceData;

/** The 8-digit official key (AGS) of a German municipality in the Destatis list; {@code null} is left to {@code @NotNull}. */
@Documented
@Constraint(validatedBy = MunicipalityKey.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface MunicipalityKey {

    String message() default "must be the 8-digit official municipality key (AGS) of a German municipality";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<MunicipalityKey, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || ReferenceData.get().isMunicipalityKey(value);
        }
    }
}
