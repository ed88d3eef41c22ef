package de.stadtretter.kit.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The shared reference data shipped in {@code reference-data/}: topics (Handlungsfelder), Länder, BBSR town
 * types, the 401 districts (Destatis, 31.12.2018, CC-BY-4.0) and the 10,794 municipalities (Destatis GV-ISys,
 * Gebietsstand 31.12.2019, dl-de/by-2-0); sources and credits in reference-data/README.md and NOTICE.
 * <p>
 * The municipality list can be replaced by a newer release of the same source with the same columns: point the
 * system property {@value #MUNICIPALITIES_PROPERTY} (or the environment variable {@code STADTRETTER_MUNICIPALITIES})
 * at the CSV file.
 */
public final class ReferenceData {

    private static final Pattern MUNICIPALITY_KEY = Pattern.compile("\\d{8}");

    public record Topic(String id, String labelDe, String labelEn) {}

    public record Land(String ags, String name, String code) {}

    public record District(String ags, String type, String name, double areaKm2, long population,
            long populationPerKm2) {}

    public record TownType(String code, String labelDe, String populationRule) {}

    /** A municipality (Gemeinde) of the Destatis list; {@code typ} is its kind, e.g. "Kreisfreie Stadt". */
    public record Municipality(String ags, String name, long population, double areaKm2, double lat, double lon,
            String typ, String districtAgs, String districtName, String landAgs, String landName) {}

    public static final String MUNICIPALITIES_PROPERTY = "stadtretter.reference-data.municipalities";

    private final Map<String, Topic> topics;
    private final Map<String, Land> laender;
    private final Map<String, District> districts;
    private final Map<String, TownType> townTypes;
    private final Map<String, Municipality> municipalities;

    private ReferenceData() {
        topics = load("topics.csv", c -> new Topic(c[0], c[1], c[2]), Topic::id);
        laender = load("bundeslaender.csv", c -> new Land(c[0], c[1], c[2]), Land::ags);
        districts = load("kreise-destatis-2018.csv", c -> new District(c[0], c[1], c[2], Double.parseDouble(c[4]),
                Long.parseLong(c[5]), Long.parseLong(c[8])), District::ags);
        townTypes = load("gemeindetypen.csv", c -> new TownType(c[0], c[1], c[2]), TownType::code);
        municipalities = load(municipalitiesSource(), c -> new Municipality(c[0], c[2], Long.parseLong(c[3]),
                Double.parseDouble(c[4]), Double.parseDouble(c[5]), Double.parseDouble(c[6]), c[9], c[13], c[14],
                c[15], c[16]), Municipality::ags);
    }

    private static final ReferenceData INSTANCE = new ReferenceData();

    public static ReferenceData get() {
        return INSTANCE;
    }

    public List<Topic> topics() {
        return List.copyOf(topics.values());
    }

    public boolean isTopic(String id) {
        return id != null && topics.containsKey(id);
    }

    public Optional<Topic> topic(String id) {
        return Optional.ofNullable(id == null ? null : topics.get(id));
    }

    public Optional<Land> land(String ags) {
        return ags == null || ags.length() < 2 ? Optional.empty() : Optional.ofNullable(laender.get(ags.substring(0, 2)));
    }

    /** The 16 Länder, in the order of their keys. */
    public List<Land> lands() {
        return List.copyOf(laender.values());
    }

    /** The Land whose code ({@code BY}, {@code NW}, ...) this is. */
    public Optional<Land> landByCode(String code) {
        return code == null ? Optional.empty()
                : laender.values().stream().filter(l -> l.code().equals(code)).findFirst();
    }

    public Optional<District> district(String ags) {
        return ags == null || ags.length() < 5 ? Optional.empty() : Optional.ofNullable(districts.get(ags.substring(0, 5)));
    }

    public Map<String, TownType> townTypes() {
        return Collections.unmodifiableMap(townTypes);
    }

    /** An 8-digit key (AGS) of a municipality in the Destatis list. */
    public boolean isMunicipalityKey(String ags) {
        return ags != null && MUNICIPALITY_KEY.matcher(ags).matches() && municipalities.containsKey(ags);
    }

    public Optional<Municipality> municipality(String ags) {
        return Optional.ofNullable(ags == null ? null : municipalities.get(ags));
    }

    public int municipalityCount() {
        return municipalities.size();
    }

    /** All municipalities, in the order of the list (by AGS). */
    public Collection<Municipality> municipalities() {
        return municipalities.values();
    }

    /**
     * The BBSR town type (Stadt- und Gemeindetyp) for a population, by the population rules of gemeindetypen.csv.
     * The BBSR also weighs central-place functions, which the Destatis list does not carry: a small town with such a
     * function counts here by its population alone.
     */
    public TownType townTypeFor(long population) {
        String code = population >= 500_000 ? "11" : population >= 100_000 ? "12" : population >= 50_000 ? "21"
                : population >= 20_000 ? "22" : population >= 10_000 ? "30" : population >= 5_000 ? "40" : "50";
        return townTypes.get(code);
    }

    private static String municipalitiesSource() {
        String override = System.getProperty(MUNICIPALITIES_PROPERTY, System.getenv("STADTRETTER_MUNICIPALITIES"));
        return override == null || override.isBlank() ? "gemeinden-destatis-2019.csv" : override;
    }

    /** Loads a CSV from the classpath folder reference-data/, or from the file system if {@code file} is a path. */
    private static <T> Map<String, T> load(String file, Function<String[], T> mapper, Function<T, String> key) {
        boolean external = file.contains("/");
        String path = external ? file : "/reference-data/" + file;
        try (InputStream in = external ? Files.newInputStream(Path.of(file))
                : ReferenceData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Reference data " + path + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<T> rows = new ArrayList<>();
            reader.readLine(); // header
            for (String line; (line = reader.readLine()) != null;) {
                if (!line.isBlank()) {
                    rows.add(mapper.apply(line.split(";", -1)));
                }
            }
            Map<String, T> byKey = new LinkedHashMap<>();
            rows.forEach(row -> byKey.put(key.apply(row), row));
            return Collections.unmodifiableMap(byKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
