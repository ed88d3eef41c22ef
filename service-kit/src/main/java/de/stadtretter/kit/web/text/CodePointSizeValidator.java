package de.stadtretter.kit.web.text;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;

/**
 * {@code @Size} on a {@code String} counted in code points (what a person sees as characters, and what PostgreSQL
 * counts in {@code varchar(n)}), not in UTF-16 units: 120 emoji fit a 120-character title. Registered for every
 * {@code @Size} on a String by the kit's validation configuration.
 */
public class CodePointSizeValidator implements ConstraintValidator<Size, String> {

    private int min;
    private int max;

    @Override
    public void initialize(Size size) {
        this.min = size.min();
        this.max = size.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        int length = Texts.length(value);
        return length >= min && length <= max;
    }
}
