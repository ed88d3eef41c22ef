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
    void municipalityKeysNeedEightDigitsAndAKnownDistrict() {
        assertThat(data.isMunicipalityKey("01001000")).isTrue();
        assertThat(data.isMunicipalityKey("09162000")).isTrue();
        assertThat(data.isMunicipalityKey("0100100")).isFalse();
        assertThat(data.isMunicipalityKey("0100100x")).isFalse();
        assertThat(data.isMunicipalityKey("99999000")).isFalse();
        assertThat(data.isMunicipalityKey(null)).isFalse();
    }

    @Test
    void topicsAreCheckedById() {
        assertThat(data.isTopic("leerstand")).isTrue();
        assertThat(data.isTopic("Leerstand")).isFalse();
        assertThat(data.topic("mobilitaet")).map(ReferenceData.Topic::labelDe).contains("Mobilität und Erreichbarkeit");
    }
}
