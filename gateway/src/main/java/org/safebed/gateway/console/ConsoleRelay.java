package org.safebed.gateway.console;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * What the web console needs from the browser's session, which stays here (the console never sees
 * a cookie): the session's CSRF token, to put in its forms so the gateway accepts them, and the
 * language the person chose with the switcher, and the time zone her browser runs in (so times read
 * as her clock shows them). All go on as headers, and only to the console;
 * the same headers sent by anyone else are dropped, so a browser cannot plant them.
 */
public final class ConsoleRelay implements WebFilter {

  /** The session's CSRF token, for the console's forms. */
  public static final String CSRF_HEADER = "X-SafeBed-Csrf";
  /** The language the person chose ({@code fr}, {@code nl} or {@code en}). */
  public static final String LANGUAGE_HEADER = "X-SafeBed-Language";
  /** The browser's IANA time zone ({@code Europe/Brussels}). */
  public static final String TIME_ZONE_HEADER = "X-SafeBed-Time-Zone";
  /** The switcher's cookie, set by the console. */
  static final String LANGUAGE_COOKIE = "SAFEBED_LANG";
  /** The time zone cookie, set by the console's script from the browser's own setting. */
  static final String TIME_ZONE_COOKIE = "SAFEBED_TZ";

  private static final Pattern LANGUAGE = Pattern.compile("^(fr|nl|en)$");
  /** The shape of an IANA zone name; the console still checks it is a zone it knows. */
  private static final Pattern TIME_ZONE = Pattern.compile("^[A-Za-z][A-Za-z0-9_+-]{0,29}(/[A-Za-z0-9_+-]{1,30}){0,2}$");
  /** Answered by the gateway itself, never relayed. */
  private static final Set<String> GATEWAY_OWN = Set.of(ConsoleRoutes.ME, ConsoleRoutes.CSRF);

  /** A path the web console answers. */
  public static boolean toTheConsole(String path) {
    return (path.equals("/console") || path.startsWith(ConsoleRoutes.PATH)) && !GATEWAY_OWN.contains(path);
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    boolean console = toTheConsole(exchange.getRequest().getPath().value());
    Optional<String> language = console ? cookie(exchange, LANGUAGE_COOKIE, LANGUAGE) : Optional.empty();
    Optional<String> timeZone = console ? cookie(exchange, TIME_ZONE_COOKIE, TIME_ZONE) : Optional.empty();
    Mono<CsrfToken> csrf = console ? exchange.getAttribute(CsrfToken.class.getName()) : null;
    // Only for a signed-in session: asking for the token saves one, and a visitor of the public
    // pages (signed out, the console's files) must not be given a session for it.
    Mono<String> token = csrf == null ? Mono.just("") : exchange.getPrincipal()
        .flatMap(signedIn -> csrf.map(CsrfToken::getToken))
        .defaultIfEmpty("");
    return token.flatMap(value -> chain.filter(exchange.mutate().request(request -> request.headers(headers -> {
      headers.remove(CSRF_HEADER);
      headers.remove(LANGUAGE_HEADER);
      headers.remove(TIME_ZONE_HEADER);
      if (!value.isEmpty()) {
        headers.set(CSRF_HEADER, value);
      }
      language.ifPresent(chosen -> headers.set(LANGUAGE_HEADER, chosen));
      timeZone.ifPresent(zone -> headers.set(TIME_ZONE_HEADER, zone));
    })).build()));
  }

  private static Optional<String> cookie(ServerWebExchange exchange, String name, Pattern shape) {
    HttpCookie cookie = exchange.getRequest().getCookies().getFirst(name);
    return Optional.ofNullable(cookie).map(HttpCookie::getValue).filter(value -> shape.matcher(value).matches());
  }

  /**
   * The session ended under a console page: back to the console's start, which asks her to sign
   * in; the page's own script is told the same with {@code HX-Redirect}, never shown a raw 401.
   */
  static Mono<Void> backToTheStart(ServerWebExchange exchange) {
    ServerHttpResponse response = exchange.getResponse();
    if (exchange.getRequest().getHeaders().containsHeader("HX-Request")) {
      response.setStatusCode(HttpStatus.UNAUTHORIZED);
      response.getHeaders().set("HX-Redirect", ConsoleRoutes.PATH);
    } else {
      response.setStatusCode(HttpStatus.SEE_OTHER);
      response.getHeaders().setLocation(URI.create(ConsoleRoutes.PATH));
    }
    return response.setComplete();
  }
}
