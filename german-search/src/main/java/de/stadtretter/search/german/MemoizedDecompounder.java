package de.stadtretter.search.german;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.compound.HyphenationCompoundWordTokenFilter;
import org.apache.lucene.analysis.compound.hyphenation.HyphenationTree;

/**
 * Lucene's {@link HyphenationCompoundWordTokenFilter} that remembers the parts of the words it has split. Splitting
 * (hyphenation patterns, then a dictionary look-up per part) is the costliest step of the analysis, and the words
 * of a catalogue repeat: most are seen many times while the index is rebuilt.
 */
final class MemoizedDecompounder extends HyphenationCompoundWordTokenFilter {

    /** The parts of each word split so far, shared by all streams (bounded: emptied when full). */
    static final class Memory {
        private static final int MAX_WORDS = 100_000;
        private static final String[] NONE = new String[0];
        private final Map<String, String[]> parts = new ConcurrentHashMap<>();

        String[] get(String word) {
            return parts.get(word);
        }

        void put(String word, String[] wordParts) {
            if (parts.size() >= MAX_WORDS) {
                parts.clear();
            }
            parts.put(word, wordParts.length == 0 ? NONE : wordParts);
        }
    }

    private final Memory memory;

    MemoizedDecompounder(TokenStream input, HyphenationTree hyphenator, CharArraySet dictionary, int minWordSize,
            int minSubwordSize, int maxSubwordSize, boolean onlyLongestMatch, Memory memory) {
        super(input, hyphenator, dictionary, minWordSize, minSubwordSize, maxSubwordSize, onlyLongestMatch, true,
                false);
        this.memory = memory;
    }

    @Override
    protected void decompose() {
        String word = termAtt.toString();
        String[] known = memory.get(word);
        if (known == null) {
            super.decompose();
            memory.put(word, tokens.stream().map(t -> t.txt.toString()).toArray(String[]::new));
            return;
        }
        // a part's place in the word does not matter: every part carries the offsets of the whole word
        for (String part : known) {
            tokens.add(new CompoundToken(word.indexOf(part), part.length()));
        }
    }
}
