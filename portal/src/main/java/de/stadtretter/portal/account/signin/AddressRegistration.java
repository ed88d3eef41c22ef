package de.stadtretter.portal.account.signin;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import de.stadtretter.portal.newsletter.NotificationClient;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * At every sign-in the member's verified address (from their own token) goes to notification-service, which mails
 * them about their work: claims their town decides, the Redaktion's decisions on what they submitted. A failure
 * never stops the sign-in; the next one renews the address. Then on to the page the member came for. The success
 * handler of the portal's OAuth2 login ({@code SecurityConfig}).
 */
public class AddressRegistration implements AuthenticationSuccessHandler {

    private static final Logger log = LoggerFactory.getLogger(AddressRegistration.class);

    private final NotificationClient notifications;
    private final AuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();

    public AddressRegistration(NotificationClient notifications) {
        this.notifications = notifications;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        try {
            notifications.registerMemberAddress();
        } catch (RuntimeException e) {
            log.warn("The member's address could not be registered with notification-service: {}", e.toString());
        }
        next.onAuthenticationSuccess(request, response, authentication);
    }
}
