package de.stadtretter.portal.web;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import de.stadtretter.portal.catalog.CatalogClient;
import de.stadtretter.portal.catalog.CatalogModels.Municipality;
import de.stadtretter.portal.catalog.EditorialClient;
import de.stadtretter.portal.config.PortalProperties;
import de.stadtretter.portal.config.SecurityConfig;
import de.stadtretter.portal.config.WebConfig;
import de.stadtretter.portal.needs.NeedClient;
import de.stadtretter.portal.newsletter.NotificationClient;
import de.stadtretter.portal.partners.PartnerClient;
import de.stadtretter.portal.partners.web.PartnerVocabulary;
import de.stadtretter.portal.towns.MatchingClient;

/**
 * The web layer of the portal with every page and the real security rules; the services are stubs here (the browser
 * tests in deploy/e2e-tests run the real thing). All page tests share this one Spring context.
 */
@WebMvcTest(properties = {"logging.structured.format.console="})
@EnableConfigurationProperties(PortalProperties.class)
@Import({Labels.class, ErrorPathGuard.class, WebConfig.class, SecurityConfig.class, PartnerVocabulary.class,
    PortalWebTest.Registration.class})
abstract class PortalWebTest {

    static final Municipality FLENSBURG = new Municipality("01001000", "Flensburg, Stadt", "Flensburg", "SH",
            "Schleswig-Holstein", 90164L, "21");

    /** The portal's Keycloak client, without asking a Keycloak for its configuration. */
    @TestConfiguration
    static class Registration {
        @Bean
        ClientRegistrationRepository registrations() {
            return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId("keycloak")
                    .clientId("stadtretter-portal").clientSecret("test")
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}").scope("openid", "profile")
                    .authorizationUri("http://idp.test/auth").tokenUri("http://idp.test/token")
                    .jwkSetUri("http://idp.test/certs").userInfoUri("http://idp.test/userinfo")
                    .userNameAttributeName("sub").build());
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CatalogClient catalog;

    @MockitoBean
    EditorialClient editorial;

    @MockitoBean
    NotificationClient notifications;

    @MockitoBean
    PartnerClient partners;

    @MockitoBean
    MatchingClient matching;

    @MockitoBean
    NeedClient needs;

    /** A logged-in member with one realm role and an organisation (an AGS for a Kommune). */
    static OidcLoginRequestPostProcessor member(String name, String role, String organisation) {
        return SecurityMockMvcRequestPostProcessors.oidcLogin()
                .idToken(t -> t.claim("name", name).claim("organisation", organisation))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }
}
