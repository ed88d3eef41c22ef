package de.stadtretter.catalog.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The lean passage score is Lucene's score, on random passages with repeated and distinct terms. */
class LeanPassageScorerTest {

    @Test
    void scoresAsLucenesPassageScorer() {
        PassageScorer lucene = new PassageScorer();
        PassageScorer lean = new SectionHighlights.LeanPassageScorer();
        List<String> words = List.of("leerstand", "kataster", "innenstadt", "eigentum", "wochenmarkt");
        Random random = new Random(3);
        for (int round = 0; round < 500; round++) {
            Passage passage = new Passage();
            int start = random.nextInt(5_000);
            passage.setStartOffset(start);
            passage.setEndOffset(Integer.MAX_VALUE); // matches must lie within the passage
            int offset = start;
            int matches = random.nextInt(12);
            for (int m = 0; m < matches; m++) {
                String word = words.get(random.nextInt(words.size()));
                offset += 1 + random.nextInt(40);
                passage.addMatch(offset, offset + word.length(), new BytesRef(word), 1 + random.nextInt(30));
                offset += word.length();
            }
            passage.setEndOffset(offset + random.nextInt(100));
            int contentLength = offset + 200 + random.nextInt(20_000);
            assertThat(lean.score(passage, contentLength)).as("round %d", round)
                    .isEqualTo(lucene.score(passage, contentLength));
        }
    }
}
