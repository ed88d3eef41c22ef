package de.stadtretter.catalog.cases.domain;

import java.util.Optional;

import de.stadtretter.kit.reference.ReferenceData;

/**
 * Where a case's municipality lies and how large it is, from the reference data (Destatis municipalities and
 * districts, Länder, BBSR town types). Every field is {@code null} for a key the reference data does not know
 * (a case stored before a newer municipality list dropped its key).
 *
 * @param municipalityName the official Destatis name, e.g. "Flensburg, Stadt"
 * @param townType the BBSR town type code (gemeindetypen.csv) by population
 */
public record Place(String municipalityName, String districtName, String stateCode, String stateName,
        Long population, String townType) {

    public static Place of(String ags, ReferenceData referenceData) {
        Optional<ReferenceData.Municipality> municipality = referenceData.municipality(ags);
        Optional<ReferenceData.District> district = referenceData.district(ags);
        Optional<ReferenceData.Land> land = referenceData.land(ags);
        return new Place(
                municipality.map(ReferenceData.Municipality::name).orElse(null),
                municipality.map(ReferenceData.Municipality::districtName)
                        .or(() -> district.map(ReferenceData.District::name)).orElse(null),
                land.map(ReferenceData.Land::code).orElse(null),
                land.map(ReferenceData.Land::name).orElse(null),
                municipality.map(ReferenceData.Municipality::population).orElse(null),
                municipality.map(m -> referenceData.townTypeFor(m.population()).code()).orElse(null));
    }
}
