package org.safebed.gateway.console;

import java.time.Clock;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * The console's sessions, kept in this instance's memory as before ({@code server.reactive.session.*}
 * still sets their idle timeout, their number and their cookie), under {@link ConsoleSessions}'s
 * rule about the cookie.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSessionConfig {

  /** Under the name the web handler looks for, which also makes Boot's default step aside. */
  @Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
  ConsoleSessions webSessionManager(WebSessionIdResolver sessionCookie, ServerProperties server) {
    ServerProperties.Reactive.Session sessions = server.getReactive().getSession();
    InMemoryWebSessionStore store = new InMemoryWebSessionStore();
    store.setMaxSessions(sessions.getMaxSessions());
    return new ConsoleSessions(sessionCookie, store, sessions.getTimeout(),
        new RetiredSessionIds(Clock.systemUTC()));
  }
}
