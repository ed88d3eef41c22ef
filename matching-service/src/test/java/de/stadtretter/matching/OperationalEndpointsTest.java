package de.stadtretter.matching;

import de.stadtretter.testing.OperationalEndpointsContract;

class OperationalEndpointsTest extends MatchingServiceTest implements OperationalEndpointsContract {

    @Override
    public String protectedPath() {
        return "/api/matching/needs";
    }
}
