package de.stadtretter.portal.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import de.stadtretter.portal.map.LaenderMap;
import de.stadtretter.portal.web.Labels;
import tools.jackson.databind.json.JsonMapper;

/** The portal speaks German only; the map of the Länder is drawn once. */
@Configuration(proxyBeanMethods = false)
class WebConfig {

    @Bean
    LocaleResolver localeResolver() {
        return new FixedLocaleResolver(Labels.GERMAN);
    }

    @Bean
    LaenderMap laenderMap(JsonMapper json) {
        return LaenderMap.load(json);
    }
}
