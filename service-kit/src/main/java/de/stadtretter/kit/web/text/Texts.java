package de.stadtretter.kit.web.text;

import java.text.Normalizer;

/**
 * The one place where text from clients is made safe to store and fair to count. Every JSON string a service reads
 * goes through {@link #normalise}: Unicode NFC, no NUL, no control characters (line breaks and tabs only in
 * {@link MultilineText multi-line} fields), no bidirectional embedding or override characters (they can make
 * text read differently from what it is), no unpaired UTF-16 surrogates or noncharacters; leading and trailing
 * spaces of every kind removed; text that shows nothing at all (only spaces, zero-width or other invisible
 * characters) becomes the empty string, so {@code @NotBlank} refuses it. Lengths are counted in code points
 * ({@link #length}), which is what a person sees as characters and what PostgreSQL counts in {@code varchar(n)}.
 */
public final class Texts {

    private Texts() {
    }

    /** Why a text was refused; the message is safe to show to the client. */
    public static final class RejectedText extends IllegalArgumentException {
        public RejectedText(String message) {
            super(message);
        }
    }

    /**
     * The normalised text.
     *
     * @param multiline whether line breaks and tabs are allowed (they are normalised to {@code \n})
     * @throws RejectedText if the text contains characters that are never accepted
     */
    public static String normalise(String raw, boolean multiline) {
        if (raw == null) {
            return null;
        }
        checkSurrogates(raw);
        String text = Normalizer.isNormalized(raw, Normalizer.Form.NFC) ? raw
                : Normalizer.normalize(raw, Normalizer.Form.NFC);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            checkCodePoint(cp, multiline);
            i += Character.charCount(cp);
        }
        if (multiline && text.indexOf('\r') >= 0) {
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }
        text = strip(text);
        return isInvisible(text) ? "" : text;
    }

    /** Characters a person sees: code points, not UTF-16 units (an emoji counts once). */
    public static int length(CharSequence text) {
        return Character.codePointCount(text, 0, text.length());
    }

    /**
     * Whether {@code text} has a character a client may never send in a single-line value such as a query
     * parameter: a control character (NUL included), a bidirectional control, an unpaired surrogate.
     */
    public static boolean hasForbiddenCharacters(String text) {
        try {
            checkSurrogates(text);
            text.codePoints().forEach(cp -> checkCodePoint(cp, false));
            return false;
        } catch (RejectedText e) {
            return true;
        }
    }

    private static void checkSurrogates(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new RejectedText("contains an invalid character (unpaired surrogate)");
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw new RejectedText("contains an invalid character (unpaired surrogate)");
            }
        }
    }

    private static void checkCodePoint(int cp, boolean multiline) {
        if (cp == 0) {
            throw new RejectedText("must not contain NUL characters");
        }
        if (Character.getType(cp) == Character.CONTROL) {
            if (multiline && (cp == '\n' || cp == '\r' || cp == '\t')) {
                return;
            }
            throw new RejectedText(multiline ? "must not contain control characters other than line breaks and tabs"
                    : "must not contain control characters, line breaks or tabs");
        }
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
            throw new RejectedText("must not contain bidirectional control characters");
        }
        if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) {
            throw new RejectedText("contains an invalid character (Unicode noncharacter)");
        }
    }

    /** Removes leading and trailing white space, no-break spaces, zero-width spaces and byte-order marks. */
    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end) {
            int cp = s.codePointAt(start);
            if (!isSpaceLike(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        while (end > start) {
            int cp = s.codePointBefore(end);
            if (!isSpaceLike(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(start, end);
    }

    private static boolean isSpaceLike(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x200B || cp == 0x2060
                || cp == 0xFEFF || cp == 0x180E;
    }

    /** Only spaces and characters that render as nothing (Unicode Default_Ignorable_Code_Point, fillers). */
    private static boolean isInvisible(String s) {
        return s.codePoints().allMatch(cp -> isSpaceLike(cp) || isDefaultIgnorable(cp) || cp == 0x2800);
    }

    /** Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt), plus the Hangul fillers. */
    private static boolean isDefaultIgnorable(int cp) {
        return cp == 0x00AD || cp == 0x034F || cp == 0x061C || cp == 0x115F || cp == 0x1160
                || (cp >= 0x17B4 && cp <= 0x17B5) || (cp >= 0x180B && cp <= 0x180F)
                || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2060 && cp <= 0x206F) || cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F)
                || cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0xFFF0 && cp <= 0xFFF8)
                || (cp >= 0x1BCA0 && cp <= 0x1BCA3) || (cp >= 0x1D173 && cp <= 0x1D17A)
                || (cp >= 0xE0000 && cp <= 0xE0FFF);
    }
}
