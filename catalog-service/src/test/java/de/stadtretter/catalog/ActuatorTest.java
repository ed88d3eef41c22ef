package de.stadtretter.catalog;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

class ActuatorTest extends CatalogIntegrationTest {

    @Test
    void livenessAndReadinessProbesAreOpenAndUp() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void metricsIncludeThePublishedCounter() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
                .andExpect(content().string(containsString("stadtretter_cases_published_total")))
                .andExpect(content().string(containsString("application=\"catalog-service\"")));
    }

    @Test
    void requestMappingsAreForAdminsOnly() throws Exception {
        mvc.perform(get("/actuator/mappings")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/mappings").header("Authorization", "Bearer " + kommune(FLENSBURG)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/mappings").header("Authorization", "Bearer " + admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/catalog/cases")));
    }

    @Test
    void otherActuatorEndpointsAreNotExposed() throws Exception {
        mvc.perform(get("/actuator/env").header("Authorization", "Bearer " + admin()))
                .andExpect(status().isNotFound());
    }
}
