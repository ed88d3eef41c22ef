package de.stadtretter.kit.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The shared reference data shipped in {@code reference-data/}: topics (Handlungsfelder), Länder, BBSR town
 * types and the 401 districts (Destatis, 31.12.2018, CC-BY-4.0, see reference-data/README.md).
 */
public final class ReferenceData {

    private static final Pattern MUNICIPALITY_KEY = Pattern.compile("\\d{8}");

    public record Topic(String id, String labelDe, String labelEn) {}

    public record Land(String ags, String name, String code) {}

    public record District(String ags, String type, String name, double areaKm2, long population,
            long populationPerKm2) {}

    public record TownType(String code, String labelDe, String populationRule) {}

    private final Map<String, Topic> topics;
    private final Map<String, Land> laender;
    private final Map<String, District> districts;
    private final Map<String, TownType> townTypes;

    private ReferenceData() {
        topics = load("topics.csv", c -> new Topic(c[0], c[1], c[2]), Topic::id);
        laender = load("bundeslaender.csv", c -> new Land(c[0], c[1], c[2]), Land::ags);
        districts = load("kreise-destatis-2018.csv", c -> new District(c[0], c[1], c[2], Double.parseDouble(c[4]),
                Long.parseLong(c[5]), Long.parseLong(c[8])), District::ags);
        townTypes = load("gemeindetypen.csv", c -> new TownType(c[0], c[1], c[2]), TownType::code);
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

    public Optional<District> district(String ags) {
        return ags == null || ags.length() < 5 ? Optional.empty() : Optional.ofNullable(districts.get(ags.substring(0, 5)));
    }

    public Map<String, TownType> townTypes() {
        return Collections.unmodifiableMap(townTypes);
    }

    /** An 8-digit municipality key (AGS) whose district exists in the Destatis list. */
    public boolean isMunicipalityKey(String ags) {
        return ags != null && MUNICIPALITY_KEY.matcher(ags).matches() && district(ags).isPresent();
    }

    private static <T> Map<String, T> load(String file, Function<String[], T> mapper, Function<T, String> key) {
        String path = "/reference-data/" + file;
        try (InputStream in = ReferenceData.class.getResourceAsStream(path)) {
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
