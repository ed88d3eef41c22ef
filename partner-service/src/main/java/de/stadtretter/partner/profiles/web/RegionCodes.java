package de.stadtretter.partner.profiles.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import de.stadtretter.kit.reference.ReferenceData;

/** Where a company works: codes of Länder ({@code BY}, {@code NW}, ...) or {@code DE} for nationwide. */
@Documented
@Constraint(validatedBy = RegionCodes.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface RegionCodes {

    String NATIONWIDE = "DE";

    String message() default "must be state codes (SH, HH, NI, HB, NW, HE, RP, BW, BY, SL, BE, BB, MV, SN, ST, TH) "
            + "or DE for nationwide";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<RegionCodes, List<String>> {
        @Override
        public boolean isValid(List<String> value, ConstraintValidatorContext context) {
            return value == null || value.stream().allMatch(Validator::isRegion);
        }

        public static boolean isRegion(String code) {
            return NATIONWIDE.equals(code) || ReferenceData.get().landByCode(code).isPresent();
        }
    }
}
