package de.stadtretter.partner;

import de.stadtretter.testing.OperationalEndpointsContract;

class OperationalEndpointsTest extends PartnerServiceTest implements OperationalEndpointsContract {

    @Override
    public String protectedPath() {
        return "/api/partners";
    }
}
