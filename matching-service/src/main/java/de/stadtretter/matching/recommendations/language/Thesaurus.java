package de.stadtretter.matching.recommendations.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * OpenThesaurus (LGPL, {@code classpath:language/openthesaurus.txt.gz}): the German words that mean the same as a
 * given word. Only single words are kept (annotations such as "(ugs.)" dropped), and only sets of at most
 * {@value #MAX_SET} words: the large sets are loose associations that bring more noise than help.
 */
public final class Thesaurus {

    static final int MAX_SET = 12;

    /** Lower-cased word → the other single words of every set it is in. */
    private final Map<String, List<String>> synonyms;

    private Thesaurus(Map<String, List<String>> synonyms) {
        this.synonyms = synonyms;
    }

    public static Thesaurus load() {
        Map<String, Set<String>> map = new HashMap<>(100_000);
        try (InputStream raw = Thesaurus.class.getClassLoader().getResourceAsStream("language/openthesaurus.txt.gz")) {
            if (raw == null) {
                throw new IllegalStateException("Missing language/openthesaurus.txt.gz");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> words = new ArrayList<>();
                for (String entry : line.split(";")) {
                    String word = entry.replaceAll("\\([^)]*\\)", "").strip().toLowerCase(Locale.GERMAN);
                    if (!word.isEmpty() && word.indexOf(' ') < 0 && !words.contains(word)) {
                        words.add(word);
                    }
                }
                if (words.size() < 2 || words.size() > MAX_SET) {
                    continue;
                }
                for (String word : words) {
                    Set<String> others = map.computeIfAbsent(word, k -> new LinkedHashSet<>());
                    words.stream().filter(w -> !w.equals(word)).forEach(others::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> frozen = new HashMap<>(map.size() * 2);
        map.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new Thesaurus(frozen);
    }

    /** Endings of inflected nouns and adjectives, removed to find the base form the thesaurus lists. */
    private static final List<String> ENDINGS = List.of("n", "en", "e", "er", "s", "es", "nen", "em");

    /**
     * The single words that mean the same as {@code word}, empty if none. The thesaurus lists base forms
     * ("Etage"), needs use any form ("Etagen"): the word as written is looked up, and without its inflection
     * endings when that finds nothing.
     */
    public List<String> synonymsOf(String word) {
        String lower = word.toLowerCase(Locale.GERMAN);
        List<String> found = synonyms.get(lower);
        if (found != null) {
            return found;
        }
        Set<String> union = new LinkedHashSet<>();
        for (String ending : ENDINGS) {
            if (lower.length() > ending.length() + 3 && lower.endsWith(ending)) {
                union.addAll(synonyms.getOrDefault(lower.substring(0, lower.length() - ending.length()), List.of()));
            }
        }
        return List.copyOf(union);
    }

    public int size() {
        return synonyms.size();
    }
}
