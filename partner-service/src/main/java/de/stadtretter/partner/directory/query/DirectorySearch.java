package de.stadtretter.partner.directory.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Function;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.partner.directory.index.DirectoryEntry;
import de.stadtretter.partner.directory.index.DirectoryIndex;
import de.stadtretter.partner.profiles.web.RegionCodes;
import de.stadtretter.search.german.GermanAnalysis;
import de.stadtretter.search.german.GermanQuery;

/**
 * Searches the directory: the words with the catalogue's German analysis (inflection, compounds, typos) over name,
 * offerings, description and evidence; topic and region as filters, each facet counted under the other filter
 * (so a town sees how many it would find in another Land); ranked by {@link EvidenceScore}.
 */
public class DirectorySearch {

    /** How many references an item shows; {@code confirmedReferences} counts all. */
    public static final int EVIDENCE_SHOWN = 5;

    private final DirectoryIndex index;
    private final GermanQuery germanQuery;
    private final ReferenceData referenceData;
    private final Clock clock;

    public DirectorySearch(DirectoryIndex index, ReferenceData referenceData, Clock clock) {
        this.index = index;
        this.germanQuery = new GermanQuery(GermanAnalysis.get(), DirectoryIndex.TEXT_FIELDS, DirectoryIndex.ALL_TEXT);
        this.referenceData = referenceData;
        this.clock = clock;
    }

    private record Hit(DirectoryEntry entry, double relevance) {}

    private record Ranked(DirectoryEntry entry, double score, double evidence) {}

    public DirectoryResult search(DirectoryQuery query) {
        Instant now = clock.instant();
        List<Hit> hits = matching(query.q());
        Map<String, long[]> topicCounts = new HashMap<>();
        Map<String, long[]> regionCounts = new HashMap<>();
        int window = (query.page() + 1) * query.size();
        Comparator<Ranked> order = order(query.sort());
        // the best "window" profiles, the worst of them on top: the page without sorting every hit
        PriorityQueue<Ranked> best = new PriorityQueue<>(window + 1, order.reversed());
        long found = 0;
        for (Hit hit : hits) {
            DirectoryEntry e = hit.entry();
            boolean topicOk = query.topic() == null || e.hasTopic(query.topic());
            boolean regionOk = query.region() == null || e.worksIn(query.region());
            if (regionOk) {
                for (String t : e.allTopics()) {
                    topicCounts.computeIfAbsent(t, k -> new long[1])[0]++;
                }
            }
            if (topicOk) {
                for (String r : e.regions()) {
                    regionCounts.computeIfAbsent(r, k -> new long[1])[0]++;
                }
            }
            if (topicOk && regionOk) {
                found++;
                double evidence = e.evidence().isEmpty() ? 0
                        : EvidenceScore.evidence(e.sums(), query.topic(), now);
                best.add(new Ranked(e, EvidenceScore.score(hit.relevance(), evidence), evidence));
                if (best.size() > window) {
                    best.poll();
                }
            }
        }
        List<Ranked> top = new ArrayList<>(best);
        top.sort(order);
        int from = Math.min(query.page() * query.size(), top.size());
        List<DirectoryResult.Item> items = top.subList(from, top.size()).stream().map(r -> item(r, query, now))
                .toList();
        Map<String, List<DirectoryResult.FacetValue>> facets = new HashMap<>();
        facets.put("topic", facet(topicCounts, this::topicLabel));
        facets.put("region", facet(regionCounts, this::regionLabel));
        return new DirectoryResult(found, query.page(), query.size(), items, facets);
    }

    /** The profiles the words match, with their relevance (the best match 1); all profiles for no words. */
    private List<Hit> matching(String q) {
        IndexSearcher searcher = index.acquire();
        try {
            GermanQuery.Parsed parsed = q == null || q.isBlank() ? null : germanQuery.build(q, searcher.getIndexReader());
            if (parsed == null) {
                return index.entries().stream().map(e -> new Hit(e, 1.0)).toList();
            }
            List<Hit> scored = searcher.search(parsed.ranking(), new ScoreCollectorManager(index));
            float max = 0;
            for (Hit h : scored) {
                max = (float) Math.max(max, h.relevance());
            }
            List<Hit> hits = new ArrayList<>(scored.size());
            for (Hit h : scored) {
                hits.add(new Hit(h.entry(), max == 0 ? 1.0 : h.relevance() / max));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(searcher);
        }
    }

    private static Comparator<Ranked> order(DirectoryQuery.Sort sort) {
        Comparator<Ranked> byName = Comparator.comparing((Ranked r) -> r.entry().sortName())
                .thenComparing(r -> r.entry().id());
        if (sort == DirectoryQuery.Sort.NAME) {
            return byName;
        }
        return Comparator.comparingDouble(Ranked::score).reversed()
                .thenComparing(Comparator.comparingDouble(Ranked::evidence).reversed())
                .thenComparing(byName);
    }

    private DirectoryResult.Item item(Ranked r, DirectoryQuery query, Instant now) {
        DirectoryEntry e = r.entry();
        var evidence = EvidenceScore.strongestFirst(e.evidence(), query.topic(), now).stream().limit(EVIDENCE_SHOWN)
                .map(x -> new DirectoryResult.EvidenceItem(x.caseId(), x.title(), x.municipality(), x.role()))
                .toList();
        return new DirectoryResult.Item(e.id(), e.name(), e.description(), e.topics(), e.regions(),
                e.evidence().size(), Math.round(r.score() * 10_000) / 10_000.0, evidence);
    }

    private static List<DirectoryResult.FacetValue> facet(Map<String, long[]> counts,
            Function<String, String> label) {
        return counts.entrySet().stream()
                .map(c -> new DirectoryResult.FacetValue(c.getKey(), label.apply(c.getKey()), c.getValue()[0]))
                .sorted(Comparator.comparingLong(DirectoryResult.FacetValue::count).reversed()
                        .thenComparing(DirectoryResult.FacetValue::label))
                .toList();
    }

    private String topicLabel(String id) {
        return referenceData.topic(id).map(ReferenceData.Topic::labelDe).orElse(id);
    }

    private String regionLabel(String code) {
        return RegionCodes.NATIONWIDE.equals(code) ? "Bundesweit"
                : referenceData.landByCode(code).map(ReferenceData.Land::name).orElse(code);
    }

    /** Collects the entry and the raw score of every match. */
    private record ScoreCollectorManager(DirectoryIndex index) implements CollectorManager<ScoreCollector, List<Hit>> {
        @Override
        public ScoreCollector newCollector() {
            return new ScoreCollector(index);
        }

        @Override
        public List<Hit> reduce(Collection<ScoreCollector> collectors) {
            List<Hit> all = new ArrayList<>();
            collectors.forEach(c -> all.addAll(c.hits));
            return all;
        }
    }

    private static final class ScoreCollector extends SimpleCollector {
        final List<Hit> hits = new ArrayList<>();
        private final DirectoryIndex index;
        private NumericDocValues slots;
        private Scorable scorer;

        ScoreCollector(DirectoryIndex index) {
            this.index = index;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            slots = context.reader().getNumericDocValues(DirectoryIndex.SLOT);
        }

        @Override
        public void setScorer(Scorable scorer) {
            this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
            if (slots != null && slots.advanceExact(doc)) {
                DirectoryEntry entry = index.entryInSlot((int) slots.longValue());
                if (entry != null) {
                    hits.add(new Hit(entry, scorer.score()));
                }
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE;
        }
    }
}
