package org.safebed.console.services;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.Map;
import org.safebed.console.ConsoleProperties;
import org.safebed.platform.web.client.OutboundBreakers;
import org.safebed.platform.web.client.OutboundHttp;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * The services the console's pages call, each with its own breaker (its live streams share it),
 * taken from the application's registry so that each one's state is exported under its name.
 */
@Configuration(proxyBeanMethods = false)
class ServicesConfig {

  /** A person waits at most this long for a page: longer, and she is told to try again. */
  private static final Duration CONNECT = Duration.ofSeconds(2);
  private static final Duration READ = Duration.ofSeconds(8);

  /**
   * A live stream waits for the service's heartbeat (every 10 s) between reads, so its limit is per
   * read, not for the whole answer: a stream quiet for this long is taken for dead.
   */
  private static final Duration LIVE_SILENCE = Duration.ofSeconds(30);

  /** A service's 4xx is an answer (the person may not, or asked wrongly), not an outage. */
  private static final CircuitBreakerConfig BREAKER = OutboundBreakers
      .countBased(20, 10, 50f, Duration.ofSeconds(10))
      .ignoreExceptions(HttpClientErrorException.class)
      .permittedNumberOfCallsInHalfOpenState(2)
      .build();

  @Bean
  OccupancyApi occupancyApi(ConsoleProperties properties, CircuitBreakerRegistry breakers) {
    String url = properties.shelterOccupancyUrl().toString();
    CircuitBreaker breaker = breakers.circuitBreaker("shelter-occupancy", BREAKER);
    return new OccupancyApi(new ServiceCalls(client(url).requestInterceptor(asThePerson()).build(), breaker),
        new LiveStreams(liveClient(url), breaker));
  }

  @Bean
  TransportApi transportApi(ConsoleProperties properties, CircuitBreakerRegistry breakers) {
    return new TransportApi(calls(breakers, "transport", properties.transportUrl().toString()));
  }

  @Bean
  ReferralApi referralApi(ConsoleProperties properties, CircuitBreakerRegistry breakers) {
    return new ReferralApi(calls(breakers, "rental-referral", properties.rentalReferralUrl().toString()));
  }

  /** Her notifications, from each service with the breaker of its pages' calls (a service away is away). */
  @Bean
  NotificationsApi notificationsApi(ConsoleProperties properties, CircuitBreakerRegistry breakers) {
    Map<NotificationsApi.Source, String> urls = Map.of(
        NotificationsApi.Source.OCCUPANCY, properties.shelterOccupancyUrl().toString(),
        NotificationsApi.Source.TRANSPORT, properties.transportUrl().toString(),
        NotificationsApi.Source.REFERRAL, properties.rentalReferralUrl().toString());
    Map<NotificationsApi.Source, ServiceCalls> calls = new java.util.EnumMap<>(NotificationsApi.Source.class);
    Map<NotificationsApi.Source, LiveStreams> streams = new java.util.EnumMap<>(NotificationsApi.Source.class);
    urls.forEach((source, url) -> {
      CircuitBreaker breaker =
          breakers.circuitBreaker("notifications-" + source.name().toLowerCase(java.util.Locale.ROOT), BREAKER);
      calls.put(source, new ServiceCalls(client(url).requestInterceptor(asThePerson()).build(), breaker));
      streams.put(source, new LiveStreams(liveClient(url), breaker));
    });
    return new NotificationsApi(calls, streams);
  }

  /**
   * The services' operator endpoints, called at their own addresses. Their own breakers: a slow
   * dead-letter queue must not open the breaker the emergency path's calls go through.
   */
  @Bean
  ServiceOperations serviceOperations(ConsoleProperties properties, CircuitBreakerRegistry breakers) {
    return new ServiceOperations(Map.of(
        ServiceOperations.Service.SHELTER_OCCUPANCY,
        calls(breakers, "shelter-occupancy-operations", properties.shelterOccupancyUrl().toString()),
        ServiceOperations.Service.TRANSPORT, calls(breakers, "transport-operations", properties.transportUrl().toString()),
        ServiceOperations.Service.RENTAL_REFERRAL,
        calls(breakers, "rental-referral-operations", properties.rentalReferralUrl().toString())));
  }

  private static ServiceCalls calls(CircuitBreakerRegistry breakers, String name, String baseUrl) {
    return new ServiceCalls(client(baseUrl).requestInterceptor(asThePerson()).build(),
        breakers.circuitBreaker(name, BREAKER));
  }

  private static RestClient.Builder client(String baseUrl) {
    return RestClient.builder().baseUrl(baseUrl).requestFactory(OutboundHttp.requestFactory(CONNECT, READ));
  }

  /** No person is read from the request here: streams are read off it, with the token given. */
  private static RestClient liveClient(String baseUrl) {
    SimpleClientHttpRequestFactory perRead = new SimpleClientHttpRequestFactory();
    perRead.setConnectTimeout(CONNECT);
    perRead.setReadTimeout(LIVE_SILENCE);
    return RestClient.builder().baseUrl(baseUrl).requestFactory(perRead).build();
  }

  /** Every call carries the token of the person whose request this is, and nothing else. */
  private static ClientHttpRequestInterceptor asThePerson() {
    return (request, body, execution) -> {
      Authentication current = SecurityContextHolder.getContext().getAuthentication();
      if (current instanceof JwtAuthenticationToken person) {
        request.getHeaders().set(HttpHeaders.AUTHORIZATION, "Bearer " + person.getToken().getTokenValue());
      }
      return execution.execute(request, body);
    };
  }
}
