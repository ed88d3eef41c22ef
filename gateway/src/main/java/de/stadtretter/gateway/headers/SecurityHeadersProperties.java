package de.stadtretter.gateway.headers;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code stadtretter.gateway.headers}: the security headers of every answer.
 *
 * @param contentSecurityPolicy the CSP of every answer
 * @param permissionsPolicy browser features no page of the platform uses
 * @param hsts whether to send Strict-Transport-Security (off in the local profile, which serves plain HTTP)
 * @param hstsMaxAge its max-age
 * @param staticMaxAge how long browsers may keep the portal's static assets (HTML always revalidates)
 * @param formActionOrigins origins besides 'self' that a form may lead to: the identity provider, which the logout
 *        form redirects to (browsers apply {@code form-action} to the redirects after a form, too)
 */
@ConfigurationProperties("stadtretter.gateway.headers")
public record SecurityHeadersProperties(
        @DefaultValue("default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
        String contentSecurityPolicy,
        @DefaultValue("accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), interest-cohort=()")
        String permissionsPolicy,
        @DefaultValue("true") boolean hsts,
        @DefaultValue("365d") Duration hstsMaxAge,
        @DefaultValue("1h") Duration staticMaxAge,
        @DefaultValue List<String> formActionOrigins) {

    /** The CSP with the form-action origins added to its {@code form-action 'self'}. */
    public String contentSecurityPolicyWithFormActions() {
        if (formActionOrigins.isEmpty()) {
            return contentSecurityPolicy;
        }
        return contentSecurityPolicy.replace("form-action 'self'",
                "form-action 'self' " + String.join(" ", formActionOrigins));
    }
}
