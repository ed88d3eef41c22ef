package de.stadtretter.gateway.problems;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;

/**
 * Requests Netty cannot even decode (a request line or URI too long, too many or too large headers, a malformed
 * request line) never reach Spring; Reactor Netty would answer them with an empty body. This handler sits right
 * after the HTTP codec and answers them with problem+json and the security headers, then closes the connection.
 * Reactor Netty's own empty error answers (e.g. 400 for a URI it cannot parse) get the same body on their way out.
 */
public final class DecoderFailureHandler extends ChannelDuplexHandler {

    private final Map<String, String> securityHeaders;
    private boolean failed;
    /** The request being answered is HTTP/1.0 and asked to keep the connection. */
    private boolean http10KeepAlive;

    public DecoderFailureHandler(Map<String, String> securityHeaders) {
        this.securityHeaders = securityHeaders;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (failed && msg instanceof HttpObject) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
            failed = true;
            Throwable cause = request.decoderResult().cause();
            ReferenceCountUtil.release(msg);
            int status = cause instanceof TooLongHttpLineException ? 414
                    : cause instanceof TooLongHttpHeaderException ? 431
                    : cause instanceof TooLongFrameException ? 431 : 400;
            ctx.writeAndFlush(problem(status)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (msg instanceof HttpRequest request) {
            http10KeepAlive = request.protocolVersion().equals(HttpVersion.HTTP_1_0)
                    && HttpUtil.isKeepAlive(request);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof FullHttpResponse response && response.status().code() >= 400
                && !response.content().isReadable() && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
            int status = response.status().code();
            ReferenceCountUtil.release(msg);
            ctx.write(problem(status), promise);
            return;
        }
        if (msg instanceof HttpResponse response && http10KeepAlive && HttpUtil.isContentLengthSet(response)
                && !HttpHeaderValues.CLOSE.contentEqualsIgnoreCase(response.headers().get(HttpHeaderNames.CONNECTION))) {
            // an HTTP/1.0 client keeps the connection only if the answer says so (RFC 9112, appendix C.2.2)
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        ctx.write(msg, promise);
    }

    private FullHttpResponse problem(int status) {
        byte[] body = GatewayProblems.json(status, null).getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
        securityHeaders.forEach((name, value) -> response.headers().set(name, value));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }
}
