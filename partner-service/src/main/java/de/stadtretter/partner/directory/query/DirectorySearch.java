package de.stadtretter.partner.directory.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
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
        Map<String, Long> topicCounts = new HashMap<>();
        Map<String, Long> regionCounts = new HashMap<>();
        List<Ranked> found = new ArrayList<>();
        for (Hit hit : hits) {
            DirectoryEntry e = hit.entry();
            boolean topicOk = query.topic() == null || e.hasTopic(query.topic());
            boolean regionOk = query.region() == null || e.worksIn(query.region());
            if (regionOk) {
                Set<String> topics = new LinkedHashSet<>(e.topics());
                topics.addAll(e.offeringTopics());
                topics.forEach(t -> topicCounts.merge(t, 1L, Long::sum));
            }
            if (topicOk) {
                e.regions().forEach(r -> regionCounts.merge(r, 1L, Long::sum));
            }
            if (topicOk && regionOk) {
                double evidence = EvidenceScore.evidence(e.evidence(), query.topic(), now);
                found.add(new Ranked(e, EvidenceScore.score(hit.relevance(), evidence), evidence));
            }
        }
        found.sort(order(query.sort()));
        int from = (int) Math.min((long) query.page() * query.size(), found.size());
        int to = Math.min(from + query.size(), found.size());
        List<DirectoryResult.Item> items = found.subList(from, to).stream().map(r -> item(r, query, now)).toList();
        Map<String, List<DirectoryResult.FacetValue>> facets = new HashMap<>();
        facets.put("topic", facet(topicCounts, this::topicLabel));
        facets.put("region", facet(regionCounts, this::regionLabel));
        return new DirectoryResult(found.size(), query.page(), query.size(), items, facets);
    }

    /** The profiles the words match, with their relevance (the best match 1); all profiles for no words. */
    private List<Hit> matching(String q) {
        IndexSearcher searcher = index.acquire();
        try {
            GermanQuery.Parsed parsed = q == null || q.isBlank() ? null : germanQuery.build(q, searcher.getIndexReader());
            if (parsed == null) {
                return index.entries().stream().map(e -> new Hit(e, 1.0)).toList();
            }
            Map<UUID, Float> scores = searcher.search(parsed.ranking(), new ScoreCollectorManager());
            float max = 0;
            for (float s : scores.values()) {
                max = Math.max(max, s);
            }
            List<Hit> hits = new ArrayList<>(scores.size());
            for (Map.Entry<UUID, Float> s : scores.entrySet()) {
                DirectoryEntry entry = index.entry(s.getKey());
                if (entry != null) {
                    hits.add(new Hit(entry, max == 0 ? 1.0 : s.getValue() / max));
                }
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

    private static List<DirectoryResult.FacetValue> facet(Map<String, Long> counts,
            java.util.function.Function<String, String> label) {
        return counts.entrySet().stream()
                .map(c -> new DirectoryResult.FacetValue(c.getKey(), label.apply(c.getKey()), c.getValue()))
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

    /** Collects the id and score of every match. */
    private static final class ScoreCollectorManager implements CollectorManager<ScoreCollector, Map<UUID, Float>> {
        @Override
        public ScoreCollector newCollector() {
            return new ScoreCollector();
        }

        @Override
        public Map<UUID, Float> reduce(Collection<ScoreCollector> collectors) {
            Map<UUID, Float> all = new HashMap<>();
            collectors.forEach(c -> all.putAll(c.scores));
            return all;
        }
    }

    private static final class ScoreCollector extends SimpleCollector {
        final Map<UUID, Float> scores = new HashMap<>();
        private SortedDocValues ids;
        private Scorable scorer;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            ids = context.reader().getSortedDocValues(DirectoryIndex.ID);
        }

        @Override
        public void setScorer(Scorable scorer) {
            this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
            if (ids != null && ids.advanceExact(doc)) {
                scores.put(UUID.fromString(ids.lookupOrd(ids.ordValue()).utf8ToString()), scorer.score());
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE;
        }
    }
}
