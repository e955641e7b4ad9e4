package org.safebed.gateway.web;

import org.safebed.gateway.config.GatewayProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over the configured size with 413 before anything else looks at them.
 * A declared {@code Content-Length} is checked at once; a chunked body (small by definition once
 * accepted) is read up to the limit and forwarded with a {@code Content-Length}, so no service
 * ever receives part of an oversized body and an upload can never trip a circuit breaker.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class RequestBodyLimit implements WebFilter {

  private final int maxBytes;

  public RequestBodyLimit(GatewayProperties properties) {
    this.maxBytes = Math.toIntExact(properties.maxRequestBody().toBytes());
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    HttpHeaders headers = exchange.getRequest().getHeaders();
    long declared = headers.getContentLength();
    if (declared > maxBytes) {
      return tooLarge(exchange);
    }
    if (declared >= 0) {
      return chain.filter(exchange);
    }
    if (!headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
      return chain.filter(withoutBody(exchange));
    }
    return DataBufferUtils.join(exchange.getRequest().getBody(), maxBytes)
        .map(RequestBodyLimit::copyAndRelease)
        .defaultIfEmpty(new byte[0])
        .flatMap(body -> chain.filter(exchange.mutate().request(withBody(exchange, body)).build()))
        .onErrorResume(DataBufferLimitException.class, tooBig -> tooLarge(exchange));
  }

  /**
   * A request with neither a length nor a chunked body has no body (RFC 9112), but the routing
   * client would forward an {@code OPTIONS} or {@code POST} without one as chunked, which services
   * refuse as a body of unknown size (413). Saying so keeps it bodiless on the way.
   */
  private static ServerWebExchange withoutBody(ServerWebExchange exchange) {
    HttpMethod method = exchange.getRequest().getMethod();
    if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
      return exchange;
    }
    return exchange.mutate().request(exchange.getRequest().mutate()
        .headers(h -> h.setContentLength(0)).build()).build();
  }

  /** Copies to the heap so nothing pooled leaks when the request is refused further on. */
  private static byte[] copyAndRelease(DataBuffer joined) {
    try {
      byte[] bytes = new byte[joined.readableByteCount()];
      joined.read(bytes);
      return bytes;
    } finally {
      DataBufferUtils.release(joined);
    }
  }

  private static ServerHttpRequest withBody(ServerWebExchange exchange, byte[] body) {
    ServerHttpRequest sized = exchange.getRequest().mutate().headers(h -> {
      h.remove(HttpHeaders.TRANSFER_ENCODING);
      h.setContentLength(body.length);
    }).build();
    return new ServerHttpRequestDecorator(sized) {
      @Override
      public Flux<DataBuffer> getBody() {
        return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
      }
    };
  }

  private static Mono<Void> tooLarge(ServerWebExchange exchange) {
    return Problems.write(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE, ErrorDetails.TOO_LARGE);
  }
}
