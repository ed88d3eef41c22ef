package de.stadtretter.matching.recommendations.language;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.stadtretter.search.german.GermanAnalysis;

/**
 * Finds the words of a text that carry a concept of the need, as they are written there ("Werbegemeinschaft" for the
 * concept "Händler … gemeinsam"): the quotes of the reasons. The analysis of a word (stem and compound parts) is
 * remembered, since the same words recur in every text.
 */
public final class Wording {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}&'-]*");
    private static final int MAX_REMEMBERED = 200_000;

    private final GermanAnalysis analysis;
    private final Map<String, List<String>> forms = new ConcurrentHashMap<>();

    public Wording(GermanAnalysis analysis) {
        this.analysis = analysis;
    }

    /** The stem of a word followed by its compound parts; empty for a stop word. */
    public List<String> forms(String word) {
        List<String> known = forms.get(word);
        if (known != null) {
            return known;
        }
        String stem = analysis.stem(word);
        List<String> out;
        if (stem == null) {
            out = List.of();
        } else {
            List<String> all = new ArrayList<>();
            all.add(stem);
            all.addAll(analysis.parts(word));
            out = List.copyOf(all);
        }
        if (forms.size() >= MAX_REMEMBERED) {
            forms.clear();
        }
        forms.put(word, out);
        return out;
    }

    /** A word of a text that carries a concept, and whether it is one of the need's own words. */
    public record Match(String word, boolean own) {}

    /**
     * For each concept (by index) found in {@code text}: the first word there that carries it, preferring the need's
     * own word over another way to say it.
     */
    public Map<Integer, Match> find(String text, List<NeedLanguage.Concept> concepts) {
        Map<Integer, Match> found = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return found;
        }
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group();
            List<String> f = forms(word);
            if (f.isEmpty()) {
                continue;
            }
            for (int c = 0; c < concepts.size(); c++) {
                Match already = found.get(c);
                if (already != null && already.own()) {
                    continue;
                }
                NeedLanguage.Concept concept = concepts.get(c);
                boolean own = concept.own().contains(f.getFirst());
                if (own || f.stream().anyMatch(concept.terms()::containsKey)) {
                    if (already == null || own) {
                        found.put(c, new Match(word, own));
                    }
                }
            }
        }
        return found;
    }

    /** The stems and parts of every word of a text. */
    public java.util.Set<String> stems(String text) {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (text != null) {
            Matcher m = WORD.matcher(text);
            while (m.find()) {
                out.addAll(forms(m.group()));
            }
        }
        return out;
    }
}
