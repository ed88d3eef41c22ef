package de.stadtretter.matching;

import de.stadtretter.testing.OperationalEndpointsContract;

class OperationalEndpointsTest extends MatchingServiceTest implements OperationalEndpointsContract {

    @Override
    public String protectedPath() {
        // recommendations are for logged-in members (issue 9 §3); every read of this service so far is public
        return "/api/matching/recommendations";
    }
}
