package org.safebed.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.InMemoryWebSessionStore;

/**
 * The session cookie as a browser sees it when several answers to the same page cross: only the
 * answer that created a session, changed its id or ended it writes the cookie.
 */
class ConsoleSessionsTest {

  private static final String COOKIE = "SESSION";

  private final InMemoryWebSessionStore store = new InMemoryWebSessionStore();
  private final ConsoleSessions sessions = new ConsoleSessions(new CookieWebSessionIdResolver(), store,
      Duration.ofMinutes(30), new RetiredSessionIds(Clock.systemUTC()));

  @Test
  void theAnswerThatStartsASessionSetsTheCookie() {
    MockServerWebExchange start = exchange(null);
    session(start).getAttributes().put("sign-in", "started");

    assertThat(commit(start).getValue()).isEqualTo(session(start).getId());
  }

  @Test
  void usingASessionLeavesTheCookieAlone() {
    String id = startedSession();
    MockServerWebExchange page = exchange(id);
    session(page).getAttributes().put("csrf", "token");

    assertThat(commit(page)).isNull();
  }

  @Test
  void theAnswerThatChangesTheIdSetsTheNewOneAndLaterAnswersToTheOldIdLeaveItAlone() {
    String before = startedSession();
    MockServerWebExchange signIn = exchange(before);
    session(signIn).changeSessionId().block();
    ResponseCookie renewed = commit(signIn);
    assertThat(renewed.getValue()).isNotEqualTo(before);

    MockServerWebExchange favicon = exchange(before);
    WebSession seen = session(favicon);

    assertThat(commit(favicon)).as("the icon's answer arriving last").isNull();
    assertThat(seen.getId()).as("the old id does not lead to the new session").isNotEqualTo(renewed.getValue());
    assertThat(seen.getAttributes()).isEmpty();
  }

  @Test
  void anAnswerThatReadTheSessionBeforeItsIdChangedDoesNotHandOutTheNewId() {
    String before = startedSession();
    MockServerWebExchange slow = exchange(before);
    session(slow);
    MockServerWebExchange signIn = exchange(before);
    session(signIn).changeSessionId().block();
    commit(signIn);

    assertThat(commit(slow)).isNull();
  }

  @Test
  void anIdThatMatchesNoSessionIsClearedOnceNotByEveryParallelAnswer() {
    MockServerWebExchange first = exchange("expired-or-made-up");
    MockServerWebExchange second = exchange("expired-or-made-up");
    session(first);
    session(second);

    assertThat(commit(first).getMaxAge()).isZero();
    assertThat(commit(second)).isNull();
  }

  @Test
  void endingTheSessionClearsTheCookie() {
    String id = startedSession();
    MockServerWebExchange signOut = exchange(id);
    session(signOut).invalidate().block();

    assertThat(commit(signOut).getMaxAge()).isZero();
    assertThat(store.retrieveSession(id).blockOptional()).isEmpty();
  }

  @Test
  void withoutACookieAndWithoutAnythingToKeepNoCookieIsSet() {
    MockServerWebExchange anonymous = exchange(null);
    session(anonymous);

    assertThat(commit(anonymous)).isNull();
  }

  private String startedSession() {
    MockServerWebExchange start = exchange(null);
    session(start).getAttributes().put("sign-in", "done");
    return commit(start).getValue();
  }

  private MockServerWebExchange exchange(String cookie) {
    MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/console/");
    if (cookie != null) {
      request.cookie(new HttpCookie(COOKIE, cookie));
    }
    return MockServerWebExchange.builder(request.build()).sessionManager(sessions).build();
  }

  private static WebSession session(MockServerWebExchange exchange) {
    return exchange.getSession().block();
  }

  /** Commits the answer (the moment the session is saved) and returns the cookie it sets, if any. */
  private static ResponseCookie commit(MockServerWebExchange exchange) {
    if (!exchange.getResponse().isCommitted()) {
      exchange.getResponse().setComplete().block();
    }
    return exchange.getResponse().getCookies().getFirst(COOKIE);
  }
}
