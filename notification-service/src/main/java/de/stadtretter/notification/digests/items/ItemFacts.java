package de.stadtretter.notification.digests.items;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import de.stadtretter.kit.reference.ReferenceData;

/** What the reference data says about an item's place: its Land and town type, and short teasers. */
@Component
public class ItemFacts {

    /** Longest teaser shown in a mail. */
    public static final int TEASER_LENGTH = 280;

    private final ReferenceData referenceData;

    public ItemFacts(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    /** The state code of a municipality key, or {@code stateCode} if given. */
    public List<String> laender(String ags, String stateCode) {
        if (stateCode != null && !stateCode.isBlank()) {
            return List.of(stateCode);
        }
        return ags == null ? List.of() : referenceData.land(ags).map(l -> List.of(l.code())).orElse(List.of());
    }

    /** The town type of the municipality {@code ags} (by its population), or null if it is not known. */
    public String townType(String ags) {
        if (ags == null) {
            return null;
        }
        return referenceData.municipality(ags).map(m -> referenceData.townTypeFor(m.population()))
                .map(ReferenceData.TownType::code).orElse(null);
    }

    /** The municipality's name with its Land, e.g. "Lübeck (Schleswig-Holstein)". */
    public String place(String ags, String municipalityName) {
        String name = municipalityName;
        if ((name == null || name.isBlank()) && ags != null) {
            name = referenceData.municipality(ags).map(ReferenceData.Municipality::name).orElse(null);
        }
        String land = ags == null ? null : referenceData.land(ags).map(ReferenceData.Land::name).orElse(null);
        if (name == null || name.isBlank()) {
            return land;
        }
        return land == null ? name : name + " (" + land + ")";
    }

    /** Where a partner works: "bundesweit" or the names of the Länder. */
    public String regions(List<String> regions) {
        if (regions.isEmpty() || regions.contains("DE")) {
            return "bundesweit";
        }
        return regions.stream().map(code -> referenceData.landByCode(code).map(ReferenceData.Land::name).orElse(code))
                .collect(Collectors.joining(", "));
    }

    /** A partner's state codes as digest Länder: nationwide is empty (it matches every Land). */
    public static List<String> partnerLaender(List<String> regions) {
        return regions.contains("DE") ? List.of() : regions;
    }

    /** The text cut at a word boundary to at most {@link #TEASER_LENGTH} characters. */
    public static String teaser(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= TEASER_LENGTH) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', TEASER_LENGTH - 1);
        return flat.substring(0, cut > TEASER_LENGTH / 2 ? cut : TEASER_LENGTH - 1) + " …";
    }
}
