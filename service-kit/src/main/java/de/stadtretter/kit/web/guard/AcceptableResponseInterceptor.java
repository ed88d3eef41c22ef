package de.stadtretter.kit.web.guard;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Content negotiation fails before anything happens: a request whose {@code Accept} rules out what the handler
 * answers with (JSON for REST handlers, HTML for pages) is refused with 406 before the handler runs, so it cannot
 * create or send anything first. Handlers that declare {@code produces} are already checked by Spring MVC.
 */
public class AcceptableResponseInterceptor implements HandlerInterceptor {

    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON,
            MediaType.APPLICATION_PROBLEM_JSON);
    private static final List<MediaType> HTML = List.of(MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML);

    private final Supplier<ContentNegotiationManager> negotiation;

    public AcceptableResponseInterceptor(Supplier<ContentNegotiationManager> negotiation) {
        this.negotiation = negotiation;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!(handler instanceof HandlerMethod method)
                || request.getDispatcherType() != DispatcherType.REQUEST
                || request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) != null) {
            return true;
        }
        List<MediaType> producible = producible(method);
        if (producible.isEmpty()) {
            return true;
        }
        List<MediaType> accepted = negotiation.get().resolveMediaTypes(new ServletWebRequest(request));
        for (MediaType a : accepted) {
            for (MediaType p : producible) {
                if (a.isCompatibleWith(p)) {
                    return true;
                }
            }
        }
        throw new HttpMediaTypeNotAcceptableException(producible);
    }

    private static List<MediaType> producible(HandlerMethod method) {
        MethodParameter returnType = method.getReturnType();
        Class<?> type = returnType.getParameterType();
        if (type == void.class || type == Void.class) {
            return List.of();
        }
        boolean body = method.hasMethodAnnotation(ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class);
        if (body || HttpEntity.class.isAssignableFrom(type)) {
            return JSON;
        }
        if (ModelAndView.class.isAssignableFrom(type) || type == String.class) {
            return HTML;
        }
        return List.of();
    }
}
