package de.stadtretter.kit.web.validation;

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

/**
 * Ids from the topic list (reference data {@code topics.csv}); {@code null} is left to {@code @NotEmpty}, repeated
 * ids to {@code @UniqueElements} (the same rule as in every other list).
 */
@Documented
@Constraint(validatedBy = TopicIds.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface TopicIds {

    String message() default "must be ids from the topic list (GET /api/catalog/topics, reference data topics.csv)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<TopicIds, List<String>> {
        @Override
        public boolean isValid(List<String> value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            return value.stream().allMatch(id -> id != null && ReferenceData.get().isTopic(id));
        }
    }
}
