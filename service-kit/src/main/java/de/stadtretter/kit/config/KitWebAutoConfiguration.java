package de.stadtretter.kit.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import de.stadtretter.kit.web.ProblemResponses;
import de.stadtretter.kit.web.guard.AcceptableResponseInterceptor;
import de.stadtretter.kit.web.guard.ProblemErrorController;
import de.stadtretter.kit.web.guard.RequestGuardFilter;
import de.stadtretter.kit.web.guard.TomcatHardening;
import de.stadtretter.kit.web.text.CodePointSizeConfiguration;
import de.stadtretter.kit.web.text.StrictJson;
import jakarta.servlet.DispatcherType;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service's HTTP side inherits: strict JSON with normalised text, {@code @Size} in code points, the
 * request guard (body limit, clean query strings and paths, no direct {@code /error}), Tomcat's errors as
 * problem+json, and 406 before a handler runs. Runs before Boot's error MVC configuration so that its
 * {@link ProblemErrorController} replaces Boot's.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(KitProperties.class)
public class KitWebAutoConfiguration {

    @Bean
    static StrictJson strictJson() {
        return new StrictJson();
    }

    @Bean
    static CodePointSizeConfiguration codePointSizeConfiguration() {
        return new CodePointSizeConfiguration();
    }

    @Bean
    ProblemResponses problemResponses(JsonMapper jsonMapper) {
        return new ProblemResponses(jsonMapper);
    }

    @Bean
    FilterRegistrationBean<RequestGuardFilter> requestGuardFilter(ProblemResponses problems, KitProperties properties,
            Environment environment) {
        String errorPath = environment.getProperty("server.error.path", "/error");
        FilterRegistrationBean<RequestGuardFilter> registration = new FilterRegistrationBean<>(
                new RequestGuardFilter(problems, properties.web().maxBodySize().toBytes(), errorPath));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /**
     * Buffers each answer to send it with {@code Content-Length} (so that clients and the gateway can keep the
     * connection, also over HTTP/1.0) and an ETag (so that a repeated GET can be answered with 304).
     */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> etagFilter() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
                new ShallowEtagHeaderFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    TomcatHardening tomcatHardening(JsonMapper jsonMapper, KitProperties properties) {
        return new TomcatHardening(jsonMapper, (int) Math.min(Integer.MAX_VALUE,
                properties.web().maxBodySize().toBytes()));
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    WebMvcConfigurer acceptableResponses(
            @Qualifier("mvcContentNegotiationManager") ObjectProvider<ContentNegotiationManager> negotiation) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AcceptableResponseInterceptor(negotiation::getObject));
            }
        };
    }
}
