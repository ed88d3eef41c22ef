package de.stadtretter.kit.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferenceDataTest {

    private final ReferenceData data = ReferenceData.get();

    @Test
    void loadsTheShippedListsCompletely() {
        assertThat(data.topics()).hasSize(10).extracting(ReferenceData.Topic::id)
                .contains("leerstand", "citylogistik");
        assertThat(data.townTypes()).containsKey("11");
        assertThat(data.land("01001000")).map(ReferenceData.Land::code).contains("SH");
        assertThat(data.land("16055000")).map(ReferenceData.Land::name).contains("Thüringen");
    }

    @Test
    void districtsCarryDestatisFigures() {
        ReferenceData.District flensburg = data.district("01001000").orElseThrow();
        assertThat(flensburg.name()).isEqualTo("Flensburg, Stadt");
        assertThat(flensburg.population()).isEqualTo(89504);
        assertThat(flensburg.type()).isEqualTo("Kreisfreie Stadt");
    }

    @Test
    void municipalityKeysMustNameAMunicipalityOfTheDestatisList() {
        assertThat(data.isMunicipalityKey("01001000")).isTrue();
        assertThat(data.isMunicipalityKey("09162000")).isTrue();
        assertThat(data.isMunicipalityKey("01058001")).isTrue();
        // a real district (Rendsburg-Eckernförde), but no municipality 999 in it
        assertThat(data.isMunicipalityKey("01058999")).isFalse();
        assertThat(data.isMunicipalityKey("0100100")).isFalse();
        assertThat(data.isMunicipalityKey("0100100x")).isFalse();
        assertThat(data.isMunicipalityKey("99999000")).isFalse();
        assertThat(data.isMunicipalityKey(null)).isFalse();
    }

    @Test
    void theMunicipalityListIsCompleteAndCarriesDestatisFigures() {
        assertThat(data.municipalityCount()).isEqualTo(10_794);
        ReferenceData.Municipality flensburg = data.municipality("01001000").orElseThrow();
        assertThat(flensburg.name()).isEqualTo("Flensburg, Stadt");
        assertThat(flensburg.population()).isEqualTo(90_164);
        assertThat(data.municipality("09162000").orElseThrow().population()).isEqualTo(1_484_226);
        ReferenceData.Municipality vreden = data.municipality("05554068").orElseThrow();
        assertThat(vreden.name()).isEqualTo("Vreden, Stadt");
        assertThat(vreden.population()).isEqualTo(22_670);
        assertThat(vreden.districtName()).isEqualTo("Borken");
        assertThat(vreden.landName()).isEqualTo("Nordrhein-Westfalen");
        // the checks the data's README gives: 10,794 rows without duplicate keys, 83,163,158 inhabitants
        assertThat(data.municipalities().stream().mapToLong(ReferenceData.Municipality::population).sum())
                .isEqualTo(83_163_158L);
    }

    @Test
    void townTypesFollowThePopulationRulesOfTheBbsr() {
        assertThat(data.townTypeFor(1_484_226).code()).isEqualTo("11");
        assertThat(data.townTypeFor(500_000).code()).isEqualTo("11");
        assertThat(data.townTypeFor(499_999).code()).isEqualTo("12");
        assertThat(data.townTypeFor(90_164).code()).isEqualTo("21");
        assertThat(data.townTypeFor(22_670).code()).isEqualTo("22");
        assertThat(data.townTypeFor(10_000).code()).isEqualTo("30");
        assertThat(data.townTypeFor(5_000).code()).isEqualTo("40");
        assertThat(data.townTypeFor(1_052).labelDe()).isEqualTo("Landgemeinde");
    }

    @Test
    void topicsAreCheckedById() {
        assertThat(data.isTopic("leerstand")).isTrue();
        assertThat(data.isTopic("Leerstand")).isFalse();
        assertThat(data.topic("mobilitaet")).map(ReferenceData.Topic::labelDe).contains("Mobilität und Erreichbarkeit");
    }
}
