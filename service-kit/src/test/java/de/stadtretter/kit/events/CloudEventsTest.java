package de.stadtretter.kit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class CloudEventsTest {

    record Data(String caseId, List<String> topics) {}

    private final CloudEvents cloudEvents = new CloudEvents(JsonMapper.builder().build());

    @Test
    void writesAndReadsAnEventRoundTrip() {
        CloudEvent event = CloudEvent.create("/catalog-service", "de.stadtretter.test.v1", "42", null,
                cloudEvents.toTree(new Data("42", List.of("leerstand"))));

        CloudEvent read = cloudEvents.parse(cloudEvents.write(event));

        assertThat(read.id()).isEqualTo(event.id());
        assertThat(read.specversion()).isEqualTo("1.0");
        assertThat(read.time()).endsWith("Z");
        assertThat(cloudEvents.data(read, Data.class)).isEqualTo(new Data("42", List.of("leerstand")));
    }

    @Test
    void unusableValuesAreMalformed() {
        for (String value : new String[] {null, "", "{not json", "[]", "{\"id\":\"1\"}",
            "{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"/x\",\"type\":\"t\"}"}) {
            assertThatThrownBy(() -> cloudEvents.parse(value)).as(String.valueOf(value))
                    .isInstanceOf(MalformedEventException.class);
        }
    }

    @Test
    void eventWithoutDataOrWithWrongShapeIsMalformed() {
        CloudEvent noData = cloudEvents.parse("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/x\",\"type\":\"t\"}");
        assertThatThrownBy(() -> cloudEvents.data(noData, Data.class)).isInstanceOf(MalformedEventException.class);

        CloudEvent wrongShape = cloudEvents.parse(
                "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/x\",\"type\":\"t\",\"data\":{\"topics\":\"x\"}}");
        assertThatThrownBy(() -> cloudEvents.data(wrongShape, Data.class))
                .isInstanceOf(MalformedEventException.class);
    }
}
