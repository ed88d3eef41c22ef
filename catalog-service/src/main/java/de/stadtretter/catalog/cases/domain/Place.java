package de.stadtretter.catalog.cases.domain;

import java.util.Optional;
import java.util.Set;

import de.stadtretter.kit.reference.ReferenceData;

/**
 * Where a case's municipality lies, as far as the reference data (Destatis districts, Länder) tells. The
 * municipality's own name is known only for kreisfreie Städte and Stadtkreise, where it is the district's name.
 */
public record Place(String municipalityName, String districtName, String stateCode, String stateName) {

    private static final Set<String> CITY_DISTRICT_TYPES = Set.of("Kreisfreie Stadt", "Stadtkreis");

    public static Place of(String ags, ReferenceData referenceData) {
        Optional<ReferenceData.District> district = referenceData.district(ags);
        Optional<ReferenceData.Land> land = referenceData.land(ags);
        return new Place(
                district.filter(d -> CITY_DISTRICT_TYPES.contains(d.type())).map(ReferenceData.District::name)
                        .orElse(null),
                district.map(ReferenceData.District::name).orElse(null),
                land.map(ReferenceData.Land::code).orElse(null),
                land.map(ReferenceData.Land::name).orElse(null));
    }
}
