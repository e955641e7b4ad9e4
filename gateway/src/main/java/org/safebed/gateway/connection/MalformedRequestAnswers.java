package org.safebed.gateway.connection;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.safebed.gateway.web.Problems;
import org.springframework.http.HttpStatus;

/**
 * Sits right after the HTTP decoder, before reactor-netty and Spring see a request, and does two
 * things there that nothing later can do:
 *
 * <ul>
 *   <li>answers what cannot become a request with a problem instead of reactor-netty's or Spring's
 *       empty body: a request line or head over the limits (414, 431), a head the decoder refuses
 *       (a NUL or other control character in a header, a malformed line: 400), and a URL that is
 *       not readable ({@link RequestTargets}: 400). The refused input is never repeated; the
 *       connection is closed, since the rest of its bytes cannot be trusted;
 *   <li>gives a client a limited time to send each request's head, counted from the connection's
 *       opening or the end of the previous answer, so that a client sending half a request (or a
 *       byte now and then) or sitting idle cannot hold a connection.
 * </ul>
 *
 * One instance per connection.
 */
final class MalformedRequestAnswers extends ChannelDuplexHandler {

  static final String MALFORMED = "The request is malformed: its URL or headers cannot be read.";
  static final String URL_TOO_LONG = "The request URL is longer than the gateway accepts.";
  static final String HEADERS_TOO_LARGE = "The request headers are larger than the gateway accepts.";

  private final long headTimeoutMillis;
  private final String contentSecurityPolicy;
  private ScheduledFuture<?> headDeadline;
  private int unanswered;
  private boolean refused;

  MalformedRequestAnswers(Duration headTimeout, String contentSecurityPolicy) {
    this.headTimeoutMillis = headTimeout.toMillis();
    this.contentSecurityPolicy = contentSecurityPolicy;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (ctx.channel().isActive()) {
      awaitHead(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    awaitHead(ctx);
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    stopWaiting();
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    stopWaiting();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (refused) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (msg instanceof HttpRequest request) {
      stopWaiting();
      unanswered++;
      HttpResponseStatus refusal = refusalOf(request);
      if (refusal != null) {
        refused = true;
        ReferenceCountUtil.release(msg);
        ctx.writeAndFlush(problem(refusal)).addListener(ChannelFutureListener.CLOSE);
        return;
      }
    }
    ctx.fireChannelRead(msg);
  }

  /** The end of the last answer owed starts the wait for the next request's head. */
  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    boolean allAnswered = msg instanceof LastHttpContent && !refused && --unanswered <= 0;
    ctx.write(msg, promise);
    if (allAnswered) {
      unanswered = 0;
      awaitHead(ctx);
    }
  }

  static HttpResponseStatus refusalOf(HttpRequest request) {
    DecoderResult decoded = request.decoderResult();
    if (decoded.isFailure()) {
      Throwable cause = decoded.cause();
      if (cause instanceof TooLongHttpLineException) {
        return HttpResponseStatus.REQUEST_URI_TOO_LONG;
      }
      if (cause instanceof TooLongHttpHeaderException) {
        return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
      }
      return HttpResponseStatus.BAD_REQUEST;
    }
    return RequestTargets.isReadable(request.uri()) ? null : HttpResponseStatus.BAD_REQUEST;
  }

  private FullHttpResponse problem(HttpResponseStatus status) {
    String detail = switch (status.code()) {
      case 414 -> URL_TOO_LONG;
      case 431 -> HEADERS_TOO_LARGE;
      default -> MALFORMED;
    };
    byte[] body = Problems.body(HttpStatus.valueOf(status.code()), detail);
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
        .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
        // The same browser rules as every other answer (SecurityHeaders never sees this one).
        .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
        .set(HttpHeaderNames.CONTENT_SECURITY_POLICY, contentSecurityPolicy)
        .set("X-Content-Type-Options", "nosniff")
        .set(HttpHeaderNames.X_FRAME_OPTIONS, "DENY")
        .set("Referrer-Policy", "no-referrer");
    return response;
  }

  private void awaitHead(ChannelHandlerContext ctx) {
    stopWaiting();
    Runnable dropConnection = ctx::close;
    headDeadline = ctx.executor().schedule(dropConnection, headTimeoutMillis, TimeUnit.MILLISECONDS);
  }

  private void stopWaiting() {
    if (headDeadline != null) {
      headDeadline.cancel(false);
      headDeadline = null;
    }
  }
}
