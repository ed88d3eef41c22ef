package de.stadtretter.portal.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

/** A service that does not answer gives a German page "Dienst nicht erreichbar" (503), not a stack trace. */
@ControllerAdvice
class ServiceErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ServiceErrorAdvice.class);

    @ExceptionHandler({ResourceAccessException.class, HttpServerErrorException.class})
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String unavailable(RuntimeException e) {
        log.warn("A service did not answer: {}", e.toString());
        return "error/503";
    }
}
