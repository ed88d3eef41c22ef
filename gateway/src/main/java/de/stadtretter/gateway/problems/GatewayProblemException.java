package de.stadtretter.gateway.problems;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;

/** A problem the gateway states itself: its reason is written for clients and becomes the problem's detail. */
public class GatewayProblemException extends ResponseStatusException {

    public GatewayProblemException(HttpStatusCode status, String reason) {
        super(status, reason);
    }
}
