package de.stadtretter.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import de.stadtretter.portal.catalog.CatalogModels.CaseDetail;
import de.stadtretter.portal.catalog.CatalogModels.Revision;
import de.stadtretter.portal.catalog.CatalogModels.Topic;

/** The portal's records read what catalog-service writes (its field names, as in its README and OpenAPI). */
class CatalogModelsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void topicsCarryTheirGermanLabel() {
        List<Topic> topics = json.readValue("""
                [{"id": "leerstand", "label_de": "Standortförderung und Leerstand", "label_en": "Site promotion"}]""",
                new TypeReference<List<Topic>>() {});
        assertThat(topics).containsExactly(new Topic("leerstand", "Standortförderung und Leerstand"));
    }

    @Test
    void aRevisionHoldsTheCaseAsItWillRead() {
        Revision revision = json.readValue("""
                {"caseId": "0b5d3c9e-1f2a-4b6c-8d7e-9f0a1b2c3d4e", "status": "SUBMITTED", "version": 3, "basedOn": 7,
                 "changedFields": ["title"], "reviewComment": null, "createdAt": "2026-11-01T10:00:00Z",
                 "case": {"id": "0b5d3c9e-1f2a-4b6c-8d7e-9f0a1b2c3d4e", "title": "Neu", "teaser": "Kurz",
                          "ownerOrganisation": "01001000", "topics": ["leerstand"], "status": "PUBLISHED",
                          "pendingRevision": {"status": "SUBMITTED", "version": 3},
                          "actors": {"lead": "Amt", "partnerIds": ["3f6c1d2e-8a4b-4c5d-9e7f-0a1b2c3d4e5f"]},
                          "helpfulCount": 2, "version": 7, "unknownField": true}}""", Revision.class);
        CaseDetail c = revision.revisedCase();
        assertThat(c.title()).isEqualTo("Neu");
        assertThat(c.ownerOrganisation()).isEqualTo("01001000");
        assertThat(c.pendingRevision().version()).isEqualTo(3);
        assertThat(c.actors().partnerIds()).hasSize(1);
        assertThat(c.actors().stakeholders()).isEmpty();
        assertThat(revision.changedFields()).containsExactly("title");
    }
}
