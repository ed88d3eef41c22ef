package de.stadtretter.matching.recommendations.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.stadtretter.search.german.GermanAnalysis;

/**
 * Reads a need the way an experienced city manager would: every word of it becomes a {@link Concept} with the
 * other ways to say it (its compound parts, the catalogue's synonym list, OpenThesaurus), every everyday expression
 * of {@code alltagssprache-de.txt} found in a sentence becomes a concept of the technical words the cases use for
 * it ("die Händler sollen gemeinsam auftreten" → Werbegemeinschaft, Händlerverein), the topics the words point to
 * are inferred, and a question about what to avoid is recognised.
 */
public final class NeedLanguage {

    /** Weights of the ways to say a word, relative to the word itself. */
    static final float PART = 0.6f;
    static final float SYNONYM = 0.8f;
    static final float THESAURUS = 0.4f;
    static final float PARAPHRASE = 0.8f;
    /** The title is the need in a nutshell: its words count more. */
    static final float TITLE = 1.5f;
    private static final int MAX_THESAURUS = 6;

    /** Words of a request that say nothing about its subject ("Wir suchen Ideen, wie andere ..."). */
    private static final Set<String> REQUEST_WORDS = Set.of("möchten", "möchte", "wollen", "will", "suchen", "sucht",
            "brauchen", "braucht", "gern", "gerne", "bitte", "idee", "ideen", "beispiel", "beispiele", "andere",
            "anderen", "anderer", "anderswo", "frage", "fragen", "wissen", "tipps", "tipp", "gibt", "geht", "helfen",
            "hilft", "können", "könnten", "könnte", "müssen", "sollen", "soll", "sollten", "welche", "welcher",
            "welches", "machen", "macht", "viel", "viele", "mehr", "neue", "neuen", "gut", "gute", "besser",
            "wirklich", "immer", "schon", "jahren", "jahr", "seit", "etwa", "leider", "kaum", "ganz", "eigentlich",
            "wäre", "würden", "würde", "haben", "hat", "gemacht", "bekommen", "kommune", "kommunen", "stadt",
            "gemeinde", "städte", "gemeinden", "unserer", "unseren", "unsere", "unser", "dabei", "dafür", "lösung",
            "lösungen", "ansatz", "ansätze", "erfahrungen", "erfahrung", "thema", "themen", "problem", "probleme");

    /** Words that ask what went wrong elsewhere, or what to look out for. */
    /**
     * Words that ask what went wrong elsewhere, or what to look out for; compared as written (lower case), not as
     * stems: "fehlen" shares its stem with "Fehler" but asks for something else.
     */
    private static final Set<String> LESSON_WORDS = Set.of("fehler", "fehlern", "fehlers", "schiefgegangen",
            "schiefgelaufen", "schief", "vermeiden", "vermieden", "gescheitert", "scheitern", "scheiterte",
            "stolperstein", "stolpersteine", "stolperfalle", "stolperfallen", "hürde", "hürden", "misserfolg",
            "misserfolge", "fallstrick", "fallstricke", "lehrgeld", "warnung", "achten", "risiko", "risiken",
            "lernerfahrung", "lernerfahrungen", "falsch", "fehlschlag", "fehlschläge", "fehlgeschlagen");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}&'-]*");
    private static final Pattern SENTENCE = Pattern.compile("[.!?;:\\n]+");

    /** One thing the need says, and all the ways a case may say it: stem → weight (at most 1). */
    public record Concept(String quote, Map<String, Float> terms, Set<String> own, boolean paraphrase,
            float weight) {}

    /** A need, read. */
    public record Reading(List<Concept> concepts, List<String> inferredTopics, boolean asksForLessons) {

        /** Every term of every concept (for matching a document against all of them). */
        public Set<String> allTerms() {
            Set<String> all = new HashSet<>();
            concepts.forEach(c -> all.addAll(c.terms().keySet()));
            return all;
        }
    }

    private record Phrase(List<String> stems, List<String> terms) {}

    private final GermanAnalysis analysis;
    private final Thesaurus thesaurus;
    private final List<Phrase> phrases;
    private final Map<String, Set<String>> topicTerms;

    public NeedLanguage(GermanAnalysis analysis, Thesaurus thesaurus) {
        this.analysis = analysis;
        this.thesaurus = thesaurus;
        this.phrases = phrases(analysis);
        this.topicTerms = topicTerms(analysis);
    }

    /** Reads a need (or any request of a town) from its title and description. */
    public Reading read(String title, String description) {
        Map<String, Concept> concepts = new LinkedHashMap<>();
        boolean lessons = false;
        int order = 0;
        for (String part : new String[] {title, description}) {
            if (part == null || part.isBlank()) {
                continue;
            }
            float weight = order++ == 0 ? TITLE : 1.0f;
            for (String sentence : SENTENCE.split(part)) {
                List<String> originals = new ArrayList<>();
                List<String> stems = new ArrayList<>();
                Set<String> sentenceStems = new HashSet<>();
                Matcher m = WORD.matcher(sentence);
                while (m.find()) {
                    String word = m.group();
                    String stem = analysis.stem(word);
                    originals.add(word);
                    stems.add(stem);
                    if (stem != null) {
                        sentenceStems.add(stem);
                        sentenceStems.addAll(analysis.parts(word));
                        if (LESSON_WORDS.contains(word.toLowerCase(Locale.GERMAN))) {
                            lessons = true;
                        }
                    }
                }
                for (int i = 0; i < originals.size(); i++) {
                    String word = originals.get(i);
                    String stem = stems.get(i);
                    if (stem == null || stem.length() < 3 || REQUEST_WORDS.contains(word.toLowerCase(Locale.GERMAN))
                            || word.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    Concept known = concepts.get(stem);
                    if (known == null || known.weight() < weight) {
                        concepts.put(stem, wordConcept(word, stem, weight));
                    }
                }
                for (Phrase phrase : phrases) {
                    if (sentenceStems.containsAll(phrase.stems())) {
                        Concept said = paraphrase(phrase, originals, stems, weight);
                        String key = sameThing(concepts, said);
                        Concept known = concepts.get(key);
                        concepts.put(key, known == null ? said : merged(known, said));
                    }
                }
            }
        }
        List<Concept> list = List.copyOf(concepts.values());
        return new Reading(list, inferTopics(list), lessons);
    }

    /**
     * The key of the paraphrase this one says again: found in the same words, or the same thing said twice with
     * mostly the same technical words (in the title and again in the description is one thing the need says, not
     * two).
     */
    private static String sameThing(Map<String, Concept> concepts, Concept said) {
        for (Map.Entry<String, Concept> known : concepts.entrySet()) {
            if (known.getValue().paraphrase()) {
                Set<String> a = known.getValue().terms().keySet();
                Set<String> b = said.terms().keySet();
                long shared = a.stream().filter(b::contains).count();
                if (2 * shared >= Math.min(a.size(), b.size())) {
                    return known.getKey();
                }
            }
        }
        return "=" + said.quote();
    }

    /** Two expressions found in the same words are one thing the need says, with the technical words of both. */
    private static Concept merged(Concept a, Concept b) {
        Map<String, Float> terms = new LinkedHashMap<>(a.terms());
        b.terms().forEach((t, w) -> terms.merge(t, w, Math::max));
        return new Concept(a.quote(), Map.copyOf(terms), a.own(), true, Math.max(a.weight(), b.weight()));
    }

    private Concept wordConcept(String word, String stem, float weight) {
        Map<String, Float> terms = new LinkedHashMap<>();
        terms.put(stem, 1.0f);
        for (String part : analysis.parts(word)) {
            if (part.length() >= 4) {
                terms.putIfAbsent(part, PART);
            }
        }
        for (List<String> synonym : analysis.synonymsOf(stem)) {
            if (synonym.size() == 1) {
                terms.putIfAbsent(synonym.getFirst(), SYNONYM);
            }
        }
        int added = 0;
        // OpenThesaurus only for nouns (German capitalises them): the synonyms of verbs, adjectives and particles
        // are mostly other senses ("stehen" → "kleiden", "allein" → "selben") and only add noise
        for (String other : Character.isUpperCase(word.codePointAt(0)) ? thesaurus.synonymsOf(word) : List.<String>of()) {
            String s = analysis.stem(other);
            if (s != null && s.length() >= 4 && !terms.containsKey(s)) {
                terms.put(s, THESAURUS);
                if (++added == MAX_THESAURUS) {
                    break;
                }
            }
        }
        return new Concept(word, Map.copyOf(terms), Set.of(stem), false, weight);
    }

    private Concept paraphrase(Phrase phrase, List<String> originals, List<String> stems, float weight) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < stems.size(); i++) {
            String stem = stems.get(i);
            boolean hit = stem != null && (phrase.stems().contains(stem)
                    || analysis.parts(originals.get(i)).stream().anyMatch(phrase.stems()::contains));
            if (hit) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        String quote = first < 0 ? String.join(" ", phrase.stems())
                : last - first <= 6 ? String.join(" ", originals.subList(first, last + 1))
                : originals.get(first) + " … " + originals.get(last);
        Map<String, Float> terms = new LinkedHashMap<>();
        for (String term : phrase.terms()) {
            terms.putIfAbsent(term, PARAPHRASE);
        }
        return new Concept(quote, Map.copyOf(terms), Set.of(), true, weight);
    }

    /** Topics whose words the need uses (at least one full-weight concept, or two others), strongest first. */
    private List<String> inferTopics(List<Concept> concepts) {
        Map<String, Float> scores = new HashMap<>();
        for (Concept c : concepts) {
            for (Map.Entry<String, Set<String>> topic : topicTerms.entrySet()) {
                float best = 0;
                for (Map.Entry<String, Float> term : c.terms().entrySet()) {
                    if (term.getValue() >= PART && topic.getValue().contains(term.getKey())) {
                        best = Math.max(best, term.getValue());
                    }
                }
                if (best > 0) {
                    scores.merge(topic.getKey(), best, Float::sum);
                }
            }
        }
        return scores.entrySet().stream().filter(e -> e.getValue() >= 1.0f)
                .sorted(Map.Entry.<String, Float>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(2).map(Map.Entry::getKey).toList();
    }

    private static List<Phrase> phrases(GermanAnalysis analysis) {
        List<Phrase> out = new ArrayList<>();
        for (String line : lines("language/alltagssprache-de.txt")) {
            int arrow = line.indexOf("=>");
            if (arrow < 0) {
                continue;
            }
            List<String> stems = new ArrayList<>();
            for (String w : line.substring(0, arrow).trim().split("\\s+")) {
                String s = analysis.stem(w);
                if (s != null) {
                    stems.add(s);
                }
            }
            List<String> terms = new ArrayList<>();
            for (String t : line.substring(arrow + 2).split(",")) {
                for (String w : t.trim().split("\\s+")) {
                    String s = analysis.stem(w);
                    if (s != null && s.length() >= 3 && !terms.contains(s)) {
                        terms.add(s);
                    }
                }
            }
            if (!stems.isEmpty() && !terms.isEmpty()) {
                out.add(new Phrase(List.copyOf(stems), List.copyOf(terms)));
            }
        }
        return List.copyOf(out);
    }

    /** Topic → the stems of its label and examples (reference data), with their parts and synonyms. */
    private static Map<String, Set<String>> topicTerms(GermanAnalysis analysis) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        boolean header = true;
        for (String line : lines("reference-data/topics.csv")) {
            if (header) {
                header = false;
                continue;
            }
            String[] cols = line.split(";");
            if (cols.length < 4) {
                continue;
            }
            Set<String> terms = new HashSet<>();
            for (String word : (cols[1] + " " + cols[3]).split("[\\s,/&()-]+")) {
                String s = analysis.stem(word);
                if (s == null || s.length() < 4 || REQUEST_WORDS.contains(word.toLowerCase(Locale.GERMAN))) {
                    continue;
                }
                terms.add(s);
                analysis.parts(word).stream().filter(p -> p.length() >= 5).forEach(terms::add);
                analysis.synonymsOf(s).stream().filter(syn -> syn.size() == 1).forEach(syn -> terms.add(syn.getFirst()));
            }
            terms.removeAll(Set.of("innenstadt", "stadt", "zentr", "zentrum"));
            out.put(cols[0], Set.copyOf(terms));
        }
        return out;
    }

    private static List<String> lines(String name) {
        List<String> lines = new ArrayList<>();
        try (InputStream in = NeedLanguage.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
