package de.stadtretter.notification;

import java.util.List;

import de.stadtretter.testing.BadInputGuardContract;
import de.stadtretter.testing.TestTokens;

/** The bad-input corpus against every endpoint of notification-service (see {@link BadInputGuardContract}). */
class BadInputGuardTest extends NotificationIntegrationTest implements BadInputGuardContract {

    @Override
    public List<String> validTokens() {
        return List.of(TestTokens.get().token("admin", "admin", "stadtretter"));
    }
}
