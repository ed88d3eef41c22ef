package de.stadtretter.gateway.problems;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;

import reactor.core.publisher.Mono;

/**
 * RFC 9457 problems as the gateway answers them itself (not those the services send, which pass through): fixed
 * texts per status, never an exception's message. Type URIs as in the services: https://stadtretter.de/problems/…
 */
public final class GatewayProblems {

    private GatewayProblems() {
    }

    public static String json(int status, String detail) {
        HttpStatus known = HttpStatus.resolve(status);
        String[] typeAndTitle = typeAndTitle(known, status);
        return "{\"type\":\"https://stadtretter.de/problems/" + typeAndTitle[0] + "\",\"title\":\""
                + typeAndTitle[1] + "\",\"status\":" + status + ",\"detail\":\"" + escape(
                        detail != null ? detail : standardDetail(known)) + "\"}";
    }

    public static Mono<Void> write(ServerHttpResponse response, HttpStatusCode status, String detail) {
        if (response.isCommitted()) {
            return Mono.empty();
        }
        byte[] body = json(status.value(), detail).getBytes(StandardCharsets.UTF_8);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    private static String[] typeAndTitle(HttpStatus status, int code) {
        if (status == null) {
            return code >= 500 ? new String[] {"internal", "Internal error"}
                    : new String[] {"malformed-request", "Malformed request"};
        }
        return switch (status) {
            case BAD_REQUEST -> new String[] {"malformed-request", "Malformed request"};
            case UNAUTHORIZED -> new String[] {"unauthenticated", "Authentication required"};
            case FORBIDDEN -> new String[] {"forbidden", "Forbidden"};
            case NOT_FOUND -> new String[] {"not-found", "Not found"};
            case METHOD_NOT_ALLOWED -> new String[] {"method-not-allowed", "Method not allowed"};
            case NOT_ACCEPTABLE -> new String[] {"not-acceptable", "Not acceptable"};
            case CONTENT_TOO_LARGE -> new String[] {"payload-too-large", "Request body too large"};
            case URI_TOO_LONG -> new String[] {"uri-too-long", "URI too long"};
            case UNSUPPORTED_MEDIA_TYPE -> new String[] {"unsupported-media-type", "Unsupported media type"};
            case TOO_MANY_REQUESTS -> new String[] {"too-many-requests", "Too many requests"};
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> new String[] {"headers-too-large", "Request headers too large"};
            case BAD_GATEWAY, SERVICE_UNAVAILABLE -> new String[] {"unavailable", "Service unavailable"};
            case GATEWAY_TIMEOUT -> new String[] {"timeout", "Gateway timeout"};
            default -> code >= 500 ? new String[] {"internal", "Internal error"}
                    : new String[] {"malformed-request", status.getReasonPhrase()};
        };
    }

    private static String standardDetail(HttpStatus status) {
        if (status == null) {
            return "The request cannot be processed as sent.";
        }
        return switch (status) {
            case NOT_FOUND -> "There is nothing at this path.";
            case METHOD_NOT_ALLOWED -> "This path does not support the request method.";
            case NOT_ACCEPTABLE -> "None of the media types in the Accept header can be produced here.";
            case CONTENT_TOO_LARGE -> "The request body is larger than the gateway accepts.";
            case URI_TOO_LONG -> "The request URI is longer than the gateway accepts.";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request has too many or too large headers.";
            case UNSUPPORTED_MEDIA_TYPE -> "The request body has a media type that is not supported here.";
            case TOO_MANY_REQUESTS -> "Too many requests from your address; please wait and try again.";
            case BAD_GATEWAY, SERVICE_UNAVAILABLE ->
                    "The service behind this path is not available right now; please try again later.";
            case GATEWAY_TIMEOUT -> "The service behind this path did not answer in time; please try again later.";
            default -> status.is5xxServerError()
                    ? "An unexpected error occurred. It has been logged; please try again later."
                    : "The request cannot be processed as sent.";
        };
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
