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

/** Rules across fields of a {@link CaseRequest}: the end date not before the start, the budget's max not below its min. */
@Documented
@Constraint(validatedBy = ConsistentCase.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ConsistentCase {

    String message() default "is inconsistent";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ConsistentCase, CaseRequest> {
        @Override
        public boolean isValid(CaseRequest r, ConstraintValidatorContext context) {
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            if (r.startDate() != null && r.endDate() != null && r.endDate().isBefore(r.startDate())) {
                context.buildConstraintViolationWithTemplate("must not be before startDate")
                        .addPropertyNode("endDate").addConstraintViolation();
                valid = false;
            }
            if (r.budget() != null && r.budget().minEur() != null && r.budget().maxEur() != null
                    && r.budget().maxEur() < r.budget().minEur()) {
                context.buildConstraintViolationWithTemplate("must not be less than budget.minEur")
                        .addPropertyNode("budget").addPropertyNode("maxEur").addConstraintViolation();
                valid = false;
            }
            return valid;
        }
    }
}
