package de.stadtretter.portal.config;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import de.stadtretter.portal.map.LaenderMap;
import de.stadtretter.portal.web.Labels;
import tools.jackson.databind.json.JsonMapper;

/** The portal speaks German only; pages carry their length; the map of the Länder is drawn once. */
@Configuration(proxyBeanMethods = false)
public class WebConfig {

    @Bean
    LocaleResolver localeResolver() {
        return new FixedLocaleResolver(Labels.GERMAN);
    }

    /**
     * Every page with {@code Content-Length} and an ETag: the answer is rendered completely anyway, and a length lets
     * the gateway and HTTP/1.0 clients keep the connection (without one, the gateway answered HTTP/1.0 clients in
     * chunks, which HTTP/1.0 does not know).
     */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> etagFilter() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
                new ShallowEtagHeaderFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    LaenderMap laenderMap(JsonMapper json) {
        return LaenderMap.load(json);
    }
}
