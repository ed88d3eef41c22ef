package de.stadtretter.kit.web.text;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Reads JSON strings as Jackson does (with the mapper's coercion rules) and then passes them through
 * {@link Texts#normalise}. A refused text fails with {@link RejectedTextException}, which carries the JSON path
 * of the field, so the client learns which field and why.
 */
public final class NormalisingStringDeserializer extends StringDeserializer {

    private final boolean multiline;

    public NormalisingStringDeserializer() {
        this(false);
    }

    private NormalisingStringDeserializer(boolean multiline) {
        this.multiline = multiline;
    }

    @Override
    public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        boolean wantsMultiline = property != null && property.getAnnotation(MultilineText.class) != null;
        return wantsMultiline == multiline ? this : new NormalisingStringDeserializer(wantsMultiline);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        String raw = super.deserialize(p, ctxt);
        try {
            return Texts.normalise(raw, multiline);
        } catch (Texts.RejectedText e) {
            throw new RejectedTextException(p, e.getMessage());
        }
    }

    /** A JSON string that {@link Texts#normalise} refused; {@link #reason()} is safe to show to clients. */
    public static final class RejectedTextException extends InvalidFormatException {
        private final String reason;

        RejectedTextException(JsonParser p, String reason) {
            super(p, "Text refused: " + reason, null, String.class);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
