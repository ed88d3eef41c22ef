package de.stadtretter.notification;

import java.util.List;
import java.util.Map;

import de.stadtretter.testing.BadInputGuardContract;
import de.stadtretter.testing.TestTokens;

/** The bad-input corpus against every endpoint of notification-service (see {@link BadInputGuardContract}). */
class BadInputGuardTest extends NotificationIntegrationTest implements BadInputGuardContract {

    @Override
    public List<String> validTokens() {
        return List.of(TestTokens.get().token("admin", "admin", "stadtretter"));
    }

    @Override
    public Map<String, String> exampleBodies() {
        return Map.of("POST /api/notifications/subscriptions",
                "{\"email\": \"fuzz@example.org\", \"topics\": [\"leerstand\"]}");
    }
}
