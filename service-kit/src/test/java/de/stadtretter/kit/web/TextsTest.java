package de.stadtretter.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import de.stadtretter.kit.web.text.Texts;

class TextsTest {

    @Test
    void normalisesToNfcAndTrimsEveryKindOfSpace() {
        assertThat(Texts.normalise("\u00A0 Cafe\u0301 \u200B\uFEFF", false)).isEqualTo("Café");
    }

    @Test
    void textThatShowsNothingIsBlank() {
        assertThat(Texts.normalise("\u200B\u00A0\u2060\u3164", false)).isEmpty();
        assertThat(Texts.normalise("\u00AD", false)).isEmpty();
    }

    @Test
    void refusesNulControlBidiSurrogatesAndNoncharacters() {
        for (String bad : new String[] {"a\u0000b", "bell\u0007", "evil\u202Etxt", "x\u2066y", "\uD800", "x\uDC00",
            "\uFFFF", "line\nbreak", "tab\there"}) {
            assertThatThrownBy(() -> Texts.normalise(bad, false)).as(bad).isInstanceOf(Texts.RejectedText.class);
        }
    }

    @Test
    void multilineTextKeepsLineBreaksAndTabsButNotOtherControls() {
        assertThat(Texts.normalise("eins\r\nzwei\rdrei\tvier", true)).isEqualTo("eins\nzwei\ndrei\tvier");
        assertThatThrownBy(() -> Texts.normalise("eins\u0000", true)).isInstanceOf(Texts.RejectedText.class);
    }

    @Test
    void emojiSequencesSurviveAndCountAsCodePoints() {
        String heart = "\u2764\uFE0F";
        assertThat(Texts.normalise(heart, false)).isEqualTo(heart);
        assertThat(Texts.length("😀".repeat(120))).isEqualTo(120);
        assertThat("😀".repeat(120).length()).isEqualTo(240);
    }
}
