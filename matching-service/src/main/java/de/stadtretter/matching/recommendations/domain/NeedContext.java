package de.stadtretter.matching.recommendations.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.stadtretter.matching.municipalities.domain.TownProfile;
import de.stadtretter.matching.recommendations.language.NeedLanguage;

/**
 * A need, read once for all four lists: what it says ({@link NeedLanguage.Reading}), the topics it is about (those
 * its Kommune chose count 1, those its words point to 0.5) and the town it is for.
 */
record NeedContext(Recommendations.Request request, NeedLanguage.Reading reading, Map<String, Float> topics,
        TownProfile town) {

    static final float INFERRED_TOPIC = 0.5f;

    static NeedContext of(Recommendations.Request request, NeedLanguage.Reading reading, TownProfile town) {
        Map<String, Float> topics = new LinkedHashMap<>();
        request.topics().forEach(t -> topics.put(t, 1.0f));
        reading.inferredTopics().forEach(t -> topics.putIfAbsent(t, INFERRED_TOPIC));
        return new NeedContext(request, reading, Map.copyOf(topics), town);
    }

    /** The share of the need's topic weight that {@code itemTopics} covers (0 if the need has no topic). */
    double topicFit(List<String> itemTopics) {
        double all = 0;
        double shared = 0;
        for (Map.Entry<String, Float> t : topics.entrySet()) {
            all += t.getValue();
            if (itemTopics.contains(t.getKey())) {
                shared += t.getValue();
            }
        }
        return all == 0 ? 0 : shared / all;
    }

    boolean hasTopics() {
        return !topics.isEmpty();
    }

    /**
     * How sure the topics are: 1 when the Kommune chose one, {@link #INFERRED_TOPIC} when they are only inferred
     * from its words, 0 without topics.
     */
    double topicConfidence() {
        return topics.values().stream().mapToDouble(Float::doubleValue).max().orElse(0);
    }

    /**
     * Blends a text fit with a topic fit: the topics get {@code share} of the weight when the Kommune chose them, and
     * less when they are only inferred (an inference can be wrong; it must not outweigh what the words say).
     */
    double blend(double text, double topicFit, double share) {
        double w = share * topicConfidence();
        return (1 - w) * text + w * topicFit;
    }
}
