package de.stadtretter.catalog;

import java.util.List;
import java.util.Map;

import de.stadtretter.testing.BadInputGuardContract;

/**
 * The bad-input corpus against every endpoint of catalog-service (see {@link BadInputGuardContract}), with the
 * tokens of an editor and of a Kommune, valid example bodies and an existing draft, so that each bad value is the
 * only thing wrong with a request and gets past the role checks into validation and as far as the database.
 */
class BadInputGuardTest extends CatalogIntegrationTest implements BadInputGuardContract {

    @Override
    public List<String> validTokens() {
        return List.of(admin(), kommune(FLENSBURG));
    }

    @Override
    public Map<String, String> exampleBodies() {
        String content = "\"title\": \"Ladenleerstand\", \"teaser\": \"Neue Nutzungen für leere Läden.\", "
                + "\"topics\": [\"leerstand\"]";
        return Map.of(
                "POST /api/catalog/cases", "{" + content + ", \"ags\": \"" + FLENSBURG + "\"}",
                "PUT /api/catalog/cases/{id}", "{" + content + ", \"version\": 0}",
                "POST /api/catalog/cases/{id}/request-changes", "{\"comment\": \"Bitte Kosten ergänzen.\"}");
    }

    @Override
    public Map<String, String> pathValues() {
        try {
            return Map.of("id", createCase(kommune(FLENSBURG), FLENSBURG, "leerstand"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
