package de.stadtretter.matching;

import java.util.List;

import de.stadtretter.testing.BadInputGuardContract;
import de.stadtretter.testing.TestTokens;

/** The bad-input corpus against every endpoint of matching-service (see {@link BadInputGuardContract}). */
class BadInputGuardTest extends MatchingServiceTest implements BadInputGuardContract {

    @Override
    public List<String> validTokens() {
        return List.of(TestTokens.get().token("admin", "admin", "stadtretter"),
                TestTokens.get().token("partner", "partner", "partner-4711"));
    }
}
