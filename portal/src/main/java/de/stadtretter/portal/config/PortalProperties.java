package de.stadtretter.portal.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code stadtretter.portal}.
 *
 * @param catalog the internal address of catalog-service (the portal calls the services directly, not through the
 *        gateway)
 * @param notification the internal address of notification-service (newsletter subscriptions)
 * @param partner the internal address of partner-service (directory, profiles, references, contact requests)
 * @param matching the internal address of matching-service (municipality pages, towns like mine)
 * @param serviceTimeout how long a page waits for a service before it shows an error page
 * @param contact the e-mail address of the operator, on the legal pages and for accessibility feedback
 */
@ConfigurationProperties("stadtretter.portal")
public record PortalProperties(
        @DefaultValue("http://127.0.0.1:8081") URI catalog,
        @DefaultValue("http://127.0.0.1:8084") URI notification,
        @DefaultValue("http://127.0.0.1:8082") URI partner,
        @DefaultValue("http://127.0.0.1:8083") URI matching,
        @DefaultValue("5s") Duration serviceTimeout,
        @DefaultValue("kontakt@stadtretter.example") String contact) {}
