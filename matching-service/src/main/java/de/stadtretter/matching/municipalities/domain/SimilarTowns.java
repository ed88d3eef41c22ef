package de.stadtretter.matching.municipalities.domain;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.function.Function;

import de.stadtretter.kit.reference.ReferenceData;

/**
 * "Towns like mine": every municipality scored against one by structural similarity and common work, with the
 * reasons in German. The score (0 to 1) is a weighted sum of
 * <ul>
 * <li>size ({@value #W_SIZE}): 1 − |ln(population ratio)| / ln 4, so the same size gives 1 and a quarter or four
 * times the size 0;</li>
 * <li>density ({@value #W_DENSITY}): the same on inhabitants per km²;</li>
 * <li>town type ({@value #W_TYPE}): the same BBSR type, half for the same type group (Großstadt, Mittelstadt,
 * Kleinstadt, Landgemeinde);</li>
 * <li>setting ({@value #W_SETTING}): the same urban or rural setting of the district;</li>
 * <li>shared topics ({@value #W_TOPICS}): the share of the town's topics (focus, published cases, open needs) the
 * other one works on too; without topics of its own this weight goes to size;</li>
 * <li>experience ({@value #W_CASES}): published cases, 1 − 1 / (1 + cases).</li>
 * </ul>
 * The Land is no reason: transfer across Länder is the point.
 */
public final class SimilarTowns {

    static final double W_SIZE = 0.30;
    static final double W_DENSITY = 0.15;
    static final double W_TYPE = 0.15;
    static final double W_SETTING = 0.10;
    static final double W_TOPICS = 0.20;
    static final double W_CASES = 0.10;
    private static final double LN4 = Math.log(4);

    private SimilarTowns() {
    }

    /** A town found, with its score and the reasons. */
    public record Similar(TownProfile town, double score, List<String> reasons) {}

    public static List<Similar> rank(TownProfile me, Iterable<TownProfile> towns, int size,
            Function<String, String> topicLabel) {
        PriorityQueue<Similar> best = new PriorityQueue<>(size + 1, Comparator.comparingDouble(Similar::score));
        List<String> mine = me.topics();
        for (TownProfile other : towns) {
            if (other.ags().equals(me.ags())) {
                continue;
            }
            double score = score(me, other, mine);
            if (best.size() < size || score > best.peek().score()) {
                best.add(new Similar(other, score, List.of()));
                if (best.size() > size) {
                    best.poll();
                }
            }
        }
        List<Similar> ranked = new ArrayList<>(best);
        ranked.sort(Comparator.comparingDouble(Similar::score).reversed().thenComparing(s -> s.town().ags()));
        return ranked.stream().map(s -> new Similar(s.town(), Math.round(s.score() * 1000) / 1000.0,
                reasons(me, s.town(), mine, topicLabel))).toList();
    }

    public static double score(TownProfile me, TownProfile other, List<String> mine) {
        double size = closeness(me.population(), other.population());
        double density = closeness(me.density(), other.density());
        double type = me.townType().code().equals(other.townType().code()) ? 1
                : me.townType().code().charAt(0) == other.townType().code().charAt(0) ? 0.5 : 0;
        double setting = me.setting() == other.setting() ? 1 : 0;
        double cases = 1 - 1.0 / (1 + other.publishedCases());
        double score = W_DENSITY * density + W_TYPE * type + W_SETTING * setting + W_CASES * cases;
        if (mine.isEmpty()) {
            return score + (W_SIZE + W_TOPICS) * size;
        }
        List<String> theirs = other.topics();
        long shared = mine.stream().filter(theirs::contains).count();
        return score + W_SIZE * size + W_TOPICS * shared / mine.size();
    }

    /** 1 for the same value, 0 from a factor of 4 apart (on a log scale). */
    public static double closeness(double a, double b) {
        if (a <= 0 || b <= 0) {
            return 0;
        }
        return Math.max(0, 1 - Math.abs(Math.log(a / b)) / LN4);
    }

    public static List<String> reasons(TownProfile me, TownProfile other, List<String> mine,
            Function<String, String> topicLabel) {
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.GERMANY);
        List<String> reasons = new ArrayList<>();
        if (closeness(me.population(), other.population()) >= 0.7) {
            reasons.add("ähnliche Größe: " + n.format(rounded(other.population())) + " Einwohner (Sie: "
                    + n.format(rounded(me.population())) + ")");
        }
        if (me.townType().code().equals(other.townType().code()) && me.setting() == other.setting()) {
            reasons.add("ebenfalls " + withArticle(other.townType()) + " " + other.setting().labelDe());
        } else if (me.townType().code().equals(other.townType().code())) {
            reasons.add("ebenfalls " + withArticle(other.townType()));
        } else if (me.setting() == other.setting()) {
            reasons.add("ebenfalls " + other.setting().labelDe());
        }
        if (closeness(me.density(), other.density()) >= 0.7) {
            reasons.add("ähnlich dicht besiedelt: " + n.format(Math.round(other.density())) + " Einwohner je km² (Sie: "
                    + n.format(Math.round(me.density())) + ")");
        }
        List<String> theirs = other.topics();
        for (String topic : mine) {
            if (other.needTopics().contains(topic)) {
                reasons.add("sucht ebenfalls nach Lösungen zu „" + topicLabel.apply(topic) + "“");
            } else if (theirs.contains(topic)) {
                reasons.add("arbeitet auch an „" + topicLabel.apply(topic) + "“");
            }
        }
        if (other.publishedCases() > 0) {
            reasons.add(other.publishedCases() == 1 ? "hat ein Praxisbeispiel veröffentlicht"
                    : "hat " + other.publishedCases() + " Praxisbeispiele veröffentlicht");
        }
        if (other.districtAgs() != null && other.districtAgs().equals(me.districtAgs())) {
            reasons.add("im selben Kreis (" + other.districtName() + ")");
        }
        return reasons;
    }

    /** "eine kleinere Mittelstadt", "eine Landgemeinde": the town type inside a sentence (all are feminine). */
    public static String withArticle(ReferenceData.TownType type) {
        String label = type.labelDe();
        int space = label.indexOf(' ');
        return "eine " + (space > 0 ? label.substring(0, 1).toLowerCase(Locale.GERMAN) + label.substring(1) : label);
    }

    /** Populations as people say them: to the hundred below 10,000, else to the thousand. */
    static long rounded(long population) {
        long unit = population < 10_000 ? 100 : 1_000;
        return Math.round((double) population / unit) * unit;
    }

    /** The setting of a municipality's district. */
    public static TownProfile.Setting setting(ReferenceData.District district, ReferenceData.Municipality m) {
        if (district == null) {
            return m.areaKm2() > 0 && m.population() / m.areaKm2() >= 300 ? TownProfile.Setting.URBAN
                    : TownProfile.Setting.RURAL;
        }
        if (district.type().startsWith("Kreisfreie") || district.type().equals("Stadtkreis")
                || district.populationPerKm2() >= 300) {
            return TownProfile.Setting.URBAN;
        }
        return district.populationPerKm2() >= 150 ? TownProfile.Setting.INTERMEDIATE : TownProfile.Setting.RURAL;
    }
}
