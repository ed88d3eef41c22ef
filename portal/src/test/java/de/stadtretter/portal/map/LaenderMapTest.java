package de.stadtretter.portal.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class LaenderMapTest {

    @Test
    void allSixteenLaenderAreDrawnInsideTheViewBoxWithTheirCodes() {
        LaenderMap map = LaenderMap.load(JsonMapper.builder().build());
        assertThat(map.laender()).hasSize(16);
        assertThat(map.laender()).extracting(LaenderMap.Land::code).contains("SH", "BY", "BE", "HB", "SL")
                .doesNotHaveDuplicates();
        assertThat(map.laender().getFirst().name()).isEqualTo("Baden-Württemberg");
        // Germany is taller than wide
        assertThat(map.height()).isBetween(map.width(), map.width() * 2);
        for (LaenderMap.Land land : map.laender()) {
            assertThat(land.path()).startsWith("M").endsWith("Z");
            for (String number : land.path().split("[MLZ ]+")) {
                if (!number.isEmpty()) {
                    assertThat(Double.parseDouble(number)).as(land.name()).isBetween(0.0, (double) map.height());
                }
            }
        }
    }
}
