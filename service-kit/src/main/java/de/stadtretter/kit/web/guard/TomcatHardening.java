package de.stadtretter.kit.web.guard;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own limits and error answers: form bodies are limited like every other body, and errors that Tomcat
 * answers itself (before the application sees the request) come as problem+json ({@link ProblemErrorReportValve}).
 */
public class TomcatHardening implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final JsonMapper jsonMapper;
    private final int maxBodyBytes;

    public TomcatHardening(JsonMapper jsonMapper, int maxBodyBytes) {
        this.jsonMapper = jsonMapper;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setMaxPostSize(maxBodyBytes);
            connector.setMaxParameterCount(200);
        });
        // Boot adds its own ErrorReportValve to the host; replace it once the host is set up, before it starts.
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                replaceErrorReportValve(context.getParent());
            }
        }));
    }

    private void replaceErrorReportValve(Container host) {
        if (host instanceof StandardHost standardHost) {
            standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        }
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ProblemErrorReportValve) {
                return;
            }
            if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new ProblemErrorReportValve(jsonMapper));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after Boot's own customizers
    }
}
