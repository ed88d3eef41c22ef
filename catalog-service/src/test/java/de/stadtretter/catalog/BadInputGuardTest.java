package de.stadtretter.catalog;

import java.util.List;

import de.stadtretter.testing.BadInputGuardContract;

/**
 * The bad-input corpus against every endpoint of catalog-service (see {@link BadInputGuardContract}), with the
 * tokens of an editor and of a Kommune, so that requests get past the role checks into validation.
 */
class BadInputGuardTest extends CatalogIntegrationTest implements BadInputGuardContract {

    @Override
    public List<String> validTokens() {
        return List.of(admin(), kommune(FLENSBURG));
    }
}
