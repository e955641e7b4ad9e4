package org.safebed.gateway.console;

import java.util.Map;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.DefaultPartHttpMessageReader;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Lets the console's forms work without script. A form the page's script sends carries the
 * session's CSRF token as a header; a form the browser sends by itself carries it only as its
 * {@code _csrf} field, in a {@code multipart/form-data} body that Spring Security would have to
 * consume to read (and the route would then forward an empty body). So, before security runs, the
 * body of a console form is kept (it is small: a larger one is left alone and refused for its
 * missing token), its {@code _csrf} field is read from the kept copy and put where the CSRF check
 * looks, the header, and the same body goes on to the console. The check itself is unchanged: the
 * value must still be the session's token.
 */
public final class ConsoleFormCsrf implements WebFilter {

  /** Where Spring Security's WebFlux CSRF check reads the token. */
  static final String HEADER = "X-CSRF-TOKEN";
  static final String FIELD = "_csrf";
  /** The console's largest form is a few kilobytes; nothing else is kept in memory here. */
  static final int LARGEST_FORM = 64 * 1024;

  private static final ResolvableType PARTS = ResolvableType.forClass(Part.class);

  private final DefaultPartHttpMessageReader reader = new DefaultPartHttpMessageReader();

  public ConsoleFormCsrf() {
    reader.setMaxInMemorySize(LARGEST_FORM);
    reader.setMaxParts(200);
    reader.setMaxDiskUsagePerPart(0);
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    long length = request.getHeaders().getContentLength();
    boolean consoleForm = HttpMethod.POST.equals(request.getMethod())
        && ConsoleRelay.toTheConsole(request.getPath().value())
        && MediaType.MULTIPART_FORM_DATA.isCompatibleWith(request.getHeaders().getContentType())
        && !request.getHeaders().containsHeader(HEADER)
        && length > 0 && length <= LARGEST_FORM;
    if (!consoleForm) {
      return chain.filter(exchange);
    }
    return ServerWebExchangeUtils.cacheRequestBodyAndRequest(exchange, kept -> field(kept)
        .map(token -> kept.mutate().header(HEADER, token).build())
        .defaultIfEmpty(kept)
        // A body that is not readable multipart is forwarded as it came, without a token: refused.
        .onErrorReturn(kept)
        .flatMap(withToken -> chain.filter(exchange.mutate().request(withToken).build())))
        // The route frees the kept body once forwarded; a form refused before it is freed here.
        .doFinally(signal -> {
          Object body = exchange.getAttributes().remove(ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR);
          if (body instanceof DataBuffer buffer) {
            DataBufferUtils.release(buffer);
          }
        });
  }

  private Mono<String> field(ServerHttpRequest kept) {
    return reader.read(PARTS, kept, Map.of())
        .concatMap(part -> part instanceof FormFieldPart field && FIELD.equals(field.name())
            ? Mono.just(field.value())
            : part.delete().then(Mono.<String>empty()))
        .next();
  }
}
