package de.stadtretter.kit.web.text;

import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;

import jakarta.validation.Configuration;
import jakarta.validation.constraints.Size;

/** Makes {@code @Size} on Strings count code points ({@link CodePointSizeValidator}) in every service. */
public final class CodePointSizeConfiguration implements ValidationConfigurationCustomizer {

    @Override
    public void customize(Configuration<?> configuration) {
        if (configuration instanceof HibernateValidatorConfiguration hibernate) {
            ConstraintMapping mapping = hibernate.createConstraintMapping();
            mapping.constraintDefinition(Size.class).includeExistingValidators(true)
                    .validatedBy(CodePointSizeValidator.class);
            hibernate.addMapping(mapping);
        }
    }
}
