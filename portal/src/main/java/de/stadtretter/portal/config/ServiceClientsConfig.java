package de.stadtretter.portal.config;

import java.net.http.HttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

import de.stadtretter.portal.catalog.CatalogClient;
import de.stadtretter.portal.catalog.EditorialClient;
import de.stadtretter.portal.needs.NeedClient;
import de.stadtretter.portal.newsletter.NotificationClient;
import de.stadtretter.portal.partners.PartnerClient;
import de.stadtretter.portal.towns.MatchingClient;

/**
 * The clients of the services. Each has two faces: anonymous for public pages, and with the logged-in member's access
 * token, which the authorized-client manager refreshes on the server when it has expired (the token never leaves the
 * portal).
 */
@Configuration(proxyBeanMethods = false)
class ServiceClientsConfig {

    static final String REGISTRATION = "keycloak";

    @Bean
    CatalogClient catalogClient(RestClient.Builder builder, PortalProperties properties,
            OAuth2AuthorizedClientManager authorizedClients) {
        RestClient.Builder base = builder.clone().baseUrl(properties.catalog().toString())
                .requestFactory(requestFactory(properties));
        OAuth2ClientHttpRequestInterceptor bearer = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
        bearer.setClientRegistrationIdResolver(request -> REGISTRATION);
        return new CatalogClient(base.clone().build(), base.clone().requestInterceptor(bearer).build());
    }

    @Bean
    EditorialClient editorialClient(RestClient.Builder builder, PortalProperties properties,
            OAuth2AuthorizedClientManager authorizedClients) {
        OAuth2ClientHttpRequestInterceptor bearer = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
        bearer.setClientRegistrationIdResolver(request -> REGISTRATION);
        return new EditorialClient(builder.clone().baseUrl(properties.catalog().toString())
                .requestFactory(requestFactory(properties)).requestInterceptor(bearer).build());
    }

    @Bean
    PartnerClient partnerClient(RestClient.Builder builder, PortalProperties properties,
            OAuth2AuthorizedClientManager authorizedClients) {
        RestClient.Builder base = builder.clone().baseUrl(properties.partner().toString())
                .requestFactory(requestFactory(properties));
        OAuth2ClientHttpRequestInterceptor bearer = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
        bearer.setClientRegistrationIdResolver(request -> REGISTRATION);
        return new PartnerClient(base.clone().build(), base.clone().requestInterceptor(bearer).build());
    }

    /** Municipality pages are public: no token. */
    @Bean
    MatchingClient matchingClient(RestClient.Builder builder, PortalProperties properties) {
        return new MatchingClient(builder.clone().baseUrl(properties.matching().toString())
                .requestFactory(requestFactory(properties)).build());
    }

    /** Needs and recommendations: public reads anonymous, the rest with the member's token; watches of needs too. */
    @Bean
    NeedClient needClient(RestClient.Builder builder, PortalProperties properties,
            OAuth2AuthorizedClientManager authorizedClients) {
        RestClient.Builder base = builder.clone().baseUrl(properties.matching().toString())
                .requestFactory(requestFactory(properties));
        OAuth2ClientHttpRequestInterceptor bearer = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
        bearer.setClientRegistrationIdResolver(request -> REGISTRATION);
        return new NeedClient(base.clone().build(), base.clone().requestInterceptor(bearer).build(),
                builder.clone().baseUrl(properties.notification().toString()).requestFactory(requestFactory(properties))
                        .requestInterceptor(bearer).build());
    }

    /** Subscriptions are anonymous (no token, whoever is logged in); the member's own one goes with their token. */
    @Bean
    NotificationClient notificationClient(RestClient.Builder builder, PortalProperties properties,
            OAuth2AuthorizedClientManager authorizedClients) {
        RestClient.Builder base = builder.clone().baseUrl(properties.notification().toString())
                .requestFactory(requestFactory(properties));
        OAuth2ClientHttpRequestInterceptor bearer = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
        bearer.setClientRegistrationIdResolver(request -> REGISTRATION);
        return new NotificationClient(base.clone().build(), base.clone().requestInterceptor(bearer).build());
    }

    private static JdkClientHttpRequestFactory requestFactory(PortalProperties properties) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.serviceTimeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.serviceTimeout());
        return factory;
    }
}
