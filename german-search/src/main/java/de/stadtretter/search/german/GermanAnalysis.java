package de.stadtretter.search.german;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.HyphenationCompoundWordTokenFilter;
import org.apache.lucene.analysis.compound.hyphenation.HyphenationTree;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.xml.sax.InputSource;

/**
 * The German text analysis of Stadtretter's searches (the catalogue, the partner directory), built from Lucene's
 * filters and three data files in {@code classpath:search/}:
 * <ul>
 * <li>compounds are split with Lucene's {@link HyphenationCompoundWordTokenFilter}, the OFFO hyphenation patterns
 * ({@code de_DR.xml}) and the dictionary of compound parts of the german-decompounder project
 * ({@code dictionary-de.txt}), plus the project's own additions ({@code dictionary-de-stadtretter.txt}); the whole
 * word is kept beside its parts, so "Innenstadtentwicklung" finds "Entwicklung der Innenstadt" and back;</li>
 * <li>{@link GermanNormalizationFilter} folds umlauts and ß ("Grossstadt" = "Großstadt", "Buerger" = "Bürger");</li>
 * <li>{@link GermanLightStemFilter} removes inflection and plural ("Wochenmärkten" = "Wochenmarkt");</li>
 * <li>a curated synonym list ({@code synonyms-de.txt}) maps the words users and authors use for the same thing
 * (query side only, so that the list can change without reindexing).</li>
 * </ul>
 * Licences of the data files: see {@code search/README.md} and NOTICE.
 */
public final class GermanAnalysis {

    private static final int MIN_SUBWORD = 4;

    private final CharArraySet stopwords = GermanAnalyzer.getDefaultStopSet();
    private final HyphenationTree hyphenator;
    private final MemoizedDecompounder.Memory decompounded = new MemoizedDecompounder.Memory();
    private final CharArraySet dictionary;
    private final Analyzer index;
    private final Analyzer exact;
    private final Analyzer prefixes;
    private final Analyzer plain;
    private final Map<String, List<List<String>>> synonyms;

    private GermanAnalysis() {
        this.hyphenator = hyphenator();
        this.dictionary = dictionary();
        this.index = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                return indexComponents();
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return new GermanNormalizationFilter(new LowerCaseFilter(in));
            }

            /** Sections indexed into one field stay apart: no phrase runs from one into the next. */
            @Override
            public int getPositionIncrementGap(String field) {
                return 100;
            }
        };
        this.exact = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new StopFilter(new LowerCaseFilter(source), stopwords);
                stream = new GermanLightStemFilter(new GermanNormalizationFilter(stream));
                return new TokenStreamComponents(source, stream);
            }
        };
        this.prefixes = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new GermanNormalizationFilter(new LowerCaseFilter(source));
                return new TokenStreamComponents(source, new EdgeNGramTokenFilter(stream, 1, 24, true));
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return new GermanNormalizationFilter(new LowerCaseFilter(in));
            }
        };
        this.plain = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new StopFilter(new LowerCaseFilter(source), stopwords));
            }
        };
        this.synonyms = synonyms(exact);
    }

    private Analyzer.TokenStreamComponents indexComponents() {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new StopFilter(new LowerCaseFilter(source), stopwords);
        stream = new MemoizedDecompounder(stream, hyphenator, dictionary, 5, MIN_SUBWORD,
                HyphenationCompoundWordTokenFilter.DEFAULT_MAX_SUBWORD_SIZE, true, decompounded);
        stream = new GermanLightStemFilter(new GermanNormalizationFilter(stream));
        return new Analyzer.TokenStreamComponents(source, stream);
    }

    private static final GermanAnalysis INSTANCE = new GermanAnalysis();

    /** The analysis, loaded once per JVM (the hyphenation tree is the expensive part). */
    public static GermanAnalysis get() {
        return INSTANCE;
    }

    /** For the text fields of the index: words and their compound parts, folded and stemmed. */
    public Analyzer indexAnalyzer() {
        return index;
    }

    /**
     * The tokens of {@link #indexAnalyzer()} for {@code text} in a chain of their own (not the analyzer's reused
     * one), so that several can be open at once: a section is analysed once and its tokens go into two fields.
     */
    public TokenStream indexTokens(String text) {
        Analyzer.TokenStreamComponents components = indexComponents();
        components.getSource().accept(new StringReader(text));
        return components.getTokenStream();
    }

    /** For title prefixes (autocomplete): every prefix of every word, folded, not stemmed. */
    public Analyzer prefixAnalyzer() {
        return prefixes;
    }

    /** A word as the prefix field holds it: lower case, umlauts and ß folded ("Groß" → "gross"). */
    public String fold(String word) {
        return prefixes.normalize("", word).utf8ToString();
    }

    /** The words of a query as the user typed them, lower-cased, without stop words ("der", "für", ...). */
    public List<String> words(String text) {
        List<String> words = new ArrayList<>();
        forEachToken(plain, text, (term, inc) -> words.add(term));
        return words;
    }

    /** The indexed form of one word: folded and stemmed, compound kept whole. */
    public String stem(String word) {
        List<String> out = new ArrayList<>();
        forEachToken(exact, word, (term, inc) -> out.add(term));
        return out.isEmpty() ? null : out.getFirst();
    }

    /** The compound parts of one word (stemmed), empty if it is no compound the dictionary knows. */
    public List<String> parts(String word) {
        Set<String> out = new LinkedHashSet<>();
        String whole = stem(word);
        forEachToken(index, word, (term, inc) -> {
            if (inc == 0 && !term.equals(whole)) {
                out.add(term);
            }
        });
        return List.copyOf(out);
    }

    /**
     * The other ways to say {@code stem} from the synonym list, each as a list of stemmed words (most are one
     * word; "Fahrrad parken" is two).
     */
    public List<List<String>> synonymsOf(String stem) {
        return synonyms.getOrDefault(stem, List.of());
    }

    private interface TokenConsumer {
        void accept(String term, int positionIncrement);
    }

    private static void forEachToken(Analyzer analyzer, String text, TokenConsumer consumer) {
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                consumer.accept(term.toString(), inc.getPositionIncrement());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HyphenationTree hyphenator() {
        try (InputStream in = resource("search/de_DR.xml")) {
            InputSource source = new InputSource(in);
            source.setEncoding("ISO-8859-1");
            return HyphenationCompoundWordTokenFilter.getHyphenationTree(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CharArraySet dictionary() {
        CharArraySet set = new CharArraySet(16_000, true);
        for (String file : List.of("search/dictionary-de.txt", "search/dictionary-de-stadtretter.txt")) {
            for (String line : lines(file)) {
                set.add(line);
            }
        }
        return set;
    }

    /** Lines "a, b, c" (equivalent) of the synonym list, each entry analysed like the index. */
    private static Map<String, List<List<String>>> synonyms(Analyzer exact) {
        Map<String, List<List<String>>> map = new HashMap<>();
        for (String line : lines("search/synonyms-de.txt")) {
            List<List<String>> group = new ArrayList<>();
            for (String entry : line.split(",")) {
                List<String> stems = new ArrayList<>();
                forEachToken(exact, entry.trim(), (term, inc) -> stems.add(term));
                if (!stems.isEmpty() && !group.contains(stems)) {
                    group.add(List.copyOf(stems));
                }
            }
            for (List<String> entry : group) {
                if (entry.size() == 1) {
                    List<List<String>> others = map.computeIfAbsent(entry.getFirst(), k -> new ArrayList<>());
                    group.stream().filter(other -> !other.equals(entry) && !others.contains(other))
                            .forEach(others::add);
                }
            }
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(map);
    }

    /** Non-empty lines of a UTF-8 resource, without {@code #} comments. */
    private static List<String> lines(String name) {
        List<String> lines = new ArrayList<>();
        try (InputStream in = resource(name);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
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

    private static InputStream resource(String name) {
        InputStream in = GermanAnalysis.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Missing search resource " + name);
        }
        return in;
    }
}
