package de.stadtretter.notification;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Every MockMvc request comes from a client address of its own (the limit per client address would otherwise count
 * all tests as one client); a test that needs one address sets it with {@link NotificationIntegrationTest#from}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClients {

    @Bean
    MockMvcBuilderCustomizer clientAddresses() {
        return builder -> builder.defaultRequest(get("/").with(request -> {
            request.setRemoteAddr(NotificationIntegrationTest.randomClient());
            return request;
        }));
    }
}
