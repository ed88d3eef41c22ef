package de.stadtretter.gateway.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class SecurityHeadersPropertiesTest {

    static final String CSP = "default-src 'self'; object-src 'none'; form-action 'self'";

    @Test
    void theIdentityProviderIsAddedToFormActionOnly() {
        SecurityHeadersProperties p = new SecurityHeadersProperties(CSP, "camera=()", false, Duration.ofDays(1),
                Duration.ofHours(1), List.of("https://login.example.de"));
        assertThat(p.contentSecurityPolicyWithFormActions())
                .isEqualTo("default-src 'self'; object-src 'none'; form-action 'self' https://login.example.de");
        assertThat(SecurityHeadersFilter.headersFor(p).get("Content-Security-Policy"))
                .isEqualTo(p.contentSecurityPolicyWithFormActions());
    }

    @Test
    void withoutOriginsTheConfiguredPolicyStandsAsItIs() {
        SecurityHeadersProperties p = new SecurityHeadersProperties(CSP, "camera=()", false, Duration.ofDays(1),
                Duration.ofHours(1), List.of());
        assertThat(p.contentSecurityPolicyWithFormActions()).isEqualTo(CSP);
    }
}
