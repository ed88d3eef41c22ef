package de.stadtretter.portal.web;

import java.io.IOException;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Spring's error page ({@code /error}) is for the error dispatch only: asked for directly, it would answer with a
 * status 999. A direct request gets the German 404 page instead.
 */
@Configuration(proxyBeanMethods = false)
class ErrorPathGuard {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> errorPathGuardFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
                        String path = request.getRequestURI().substring(request.getContextPath().length());
                        if (path.equals("/error") || path.startsWith("/error/")) {
                            response.sendError(HttpServletResponse.SC_NOT_FOUND);
                            return;
                        }
                        chain.doFilter(request, response);
                    }
                });
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
