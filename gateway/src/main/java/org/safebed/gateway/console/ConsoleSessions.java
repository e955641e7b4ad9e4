package org.safebed.gateway.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.WebSessionIdResolver;
import org.springframework.web.server.session.WebSessionManager;
import org.springframework.web.server.session.WebSessionStore;
import reactor.core.publisher.Mono;

/**
 * The console's sessions and the one rule about their cookie: an answer sets or clears it only
 * when it signs the person in or out, or finds that her session has expired.
 *
 * <p>Spring's {@code DefaultWebSessionManager} clears the cookie in any answer to a request whose
 * session id no longer resolves, and sets it in any answer whose session's id changed meanwhile. A
 * browser sends several requests at once (the page, its script, its icon), so when one of them
 * changed the session id, the others still carried the old one; answered last, one of them wiped
 * the new cookie and signed the person out seconds after she signed in. Here:
 *
 * <ul>
 *   <li>the cookie is set only by the answer that created the session or changed its id (starting
 *       and finishing a sign-in), never by one that merely used it;
 *   <li>it is cleared by an answer whose session has ended (sign-out, tokens no longer renewable,
 *       idle too long), and by the first answer to an id that matches no session; never by an answer
 *       to an id changed or cleared moments ago ({@link RetiredSessionIds});
 *   <li>an old id never leads to the new session: the id changes at sign-in precisely so that an
 *       id planted before it is worth nothing afterwards.
 * </ul>
 */
public final class ConsoleSessions implements WebSessionManager {

  private final WebSessionIdResolver cookies;
  private final WebSessionStore store;
  private final Duration maxIdleTime;
  private final RetiredSessionIds retired;

  ConsoleSessions(WebSessionIdResolver cookies, WebSessionStore store, Duration maxIdleTime,
      RetiredSessionIds retired) {
    this.cookies = cookies;
    this.store = store;
    this.maxIdleTime = maxIdleTime;
    this.retired = retired;
  }

  /** Where the sessions are kept; tests move its clock to let sessions expire. */
  public WebSessionStore store() {
    return store;
  }

  @Override
  public Mono<WebSession> getSession(ServerWebExchange exchange) {
    return Mono.defer(() -> {
      String requested = requestedId(exchange);
      Mono<WebSession> known = requested == null ? Mono.empty() : store.retrieveSession(requested);
      return known.map(session -> new SessionInUse(session, false))
          .switchIfEmpty(Mono.defer(() -> store.createWebSession().map(session -> {
            session.setMaxIdleTime(maxIdleTime);
            return new SessionInUse(session, true);
          })))
          .doOnNext(session -> exchange.getResponse()
              .beforeCommit(() -> save(exchange, requested, session)))
          .cast(WebSession.class);
    });
  }

  private String requestedId(ServerWebExchange exchange) {
    List<String> ids = cookies.resolveSessionIds(exchange);
    return ids.isEmpty() ? null : ids.getFirst();
  }

  private Mono<Void> save(ServerWebExchange exchange, String requested, SessionInUse session) {
    if (session.isExpired()) {
      if (requested != null) {
        retired.retire(requested);
        cookies.expireSession(exchange);
      }
      return Mono.empty();
    }
    if (!session.isStarted()) {
      if (requested != null && session.createdHere && retired.firstToForget(requested)) {
        cookies.expireSession(exchange);
      }
      return Mono.empty();
    }
    if ((session.createdHere || session.idChangedHere) && !session.getId().equals(requested)) {
      if (requested != null) {
        retired.retire(requested);
      }
      cookies.setSessionId(exchange, session.getId());
    }
    return session.save();
  }

  /** One answer's view of a session: whether this answer created it or changed its id. */
  private final class SessionInUse implements WebSession {

    private final WebSession session;
    private final boolean createdHere;
    private volatile boolean idChangedHere;

    SessionInUse(WebSession session, boolean createdHere) {
      this.session = session;
      this.createdHere = createdHere;
    }

    @Override
    public Mono<Void> changeSessionId() {
      return Mono.defer(() -> {
        // Before the store forgets the old id, so no answer ever sees it as merely unknown.
        retired.retire(session.getId());
        idChangedHere = true;
        return session.changeSessionId();
      });
    }

    @Override
    public String getId() {
      return session.getId();
    }

    @Override
    public Map<String, Object> getAttributes() {
      return session.getAttributes();
    }

    @Override
    public void start() {
      session.start();
    }

    @Override
    public boolean isStarted() {
      return session.isStarted();
    }

    @Override
    public Mono<Void> save() {
      return session.save();
    }

    @Override
    public Mono<Void> invalidate() {
      return session.invalidate();
    }

    @Override
    public boolean isExpired() {
      return session.isExpired();
    }

    @Override
    public Instant getCreationTime() {
      return session.getCreationTime();
    }

    @Override
    public Instant getLastAccessTime() {
      return session.getLastAccessTime();
    }

    @Override
    public void setMaxIdleTime(Duration maxIdleTime) {
      session.setMaxIdleTime(maxIdleTime);
    }

    @Override
    public Duration getMaxIdleTime() {
      return session.getMaxIdleTime();
    }
  }
}
