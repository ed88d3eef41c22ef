package de.stadtretter.portal.map;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The map of Germany on the start page: the 16 Länder as SVG paths, drawn once at start from the BKG boundaries
 * (VG5000, © GeoBasis-DE / BKG 2021, dl-de/by-2-0) that ship with the portal. The projection is equirectangular
 * with the longitude scaled by the cosine of Germany's central latitude: at this size indistinguishable from a
 * conformal projection, and no library needed.
 */
public final class LaenderMap {

    /** One Land: its two-letter code (as in the catalogue API), name and outline. */
    public record Land(String code, String name, String path) {}

    public static final int WIDTH = 460;
    private static final double CENTRAL_LATITUDE = Math.toRadians(51.0);

    private final List<Land> laender;
    private final int height;

    private LaenderMap(List<Land> laender, int height) {
        this.laender = List.copyOf(laender);
        this.height = height;
    }

    public List<Land> laender() {
        return laender;
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return height;
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + height;
    }

    public static LaenderMap load(JsonMapper json) {
        Map<String, String[]> codes = codes();
        JsonNode features;
        try (InputStream in = new ClassPathResource("geo/laender-bkg-2021.geojson").getInputStream()) {
            features = json.readTree(in).get("features");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (JsonNode f : features) {
            for (JsonNode polygon : polygons(f.get("geometry"))) {
                for (JsonNode ring : polygon) {
                    for (JsonNode p : ring) {
                        double x = x(p.get(0).asDouble()), y = y(p.get(1).asDouble());
                        minX = Math.min(minX, x);
                        maxX = Math.max(maxX, x);
                        minY = Math.min(minY, y);
                        maxY = Math.max(maxY, y);
                    }
                }
            }
        }
        double scale = (WIDTH - 4) / (maxX - minX);
        int height = (int) Math.ceil((maxY - minY) * scale) + 4;
        List<Land> laender = new ArrayList<>();
        for (JsonNode f : features) {
            String ags = f.get("properties").get("AGS").asString();
            String[] land = codes.get(ags);
            StringBuilder d = new StringBuilder();
            for (JsonNode polygon : polygons(f.get("geometry"))) {
                for (JsonNode ring : polygon) {
                    char op = 'M';
                    for (JsonNode p : ring) {
                        double x = 2 + (x(p.get(0).asDouble()) - minX) * scale;
                        double y = 2 + (maxY - y(p.get(1).asDouble())) * scale;
                        d.append(op).append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                        op = 'L';
                    }
                    d.append('Z');
                }
            }
            laender.add(new Land(land[1], land[0], d.toString()));
        }
        laender.sort(java.util.Comparator.comparing(Land::name, java.text.Collator.getInstance(Locale.GERMAN)));
        return new LaenderMap(laender, height);
    }

    private static double x(double lon) {
        return Math.toRadians(lon) * Math.cos(CENTRAL_LATITUDE);
    }

    private static double y(double lat) {
        return Math.toRadians(lat);
    }

    private static List<JsonNode> polygons(JsonNode geometry) {
        List<JsonNode> out = new ArrayList<>();
        if ("Polygon".equals(geometry.get("type").asString())) {
            out.add(geometry.get("coordinates"));
        } else {
            geometry.get("coordinates").forEach(out::add);
        }
        return out;
    }

    /** AGS prefix → {name, code} from the Länder list that ships with the map. */
    private static Map<String, String[]> codes() {
        Map<String, String[]> codes = new LinkedHashMap<>();
        try (InputStream in = new ClassPathResource("geo/bundeslaender.csv").getInputStream()) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
            for (int i = 1; i < lines.length; i++) {
                String[] cols = lines[i].split(";");
                if (cols.length == 3) {
                    codes.put(cols[0], new String[] {cols[1], cols[2]});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return codes;
    }
}
