package org.safebed.console.services;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * One service as the console calls it: with the person's own token, behind a circuit breaker that
 * counts only the service's failures (a refusal is an answer, not a failure). Every failure reaches
 * the pages as a {@link ServiceRefusal} or a {@link ServiceUnavailable}, which they put in plain
 * words; nothing of the service's answer is shown as it came.
 */
public final class ServiceCalls {

  private final RestClient client;
  private final CircuitBreaker breaker;

  public ServiceCalls(RestClient client, CircuitBreaker breaker) {
    this.client = client;
    this.breaker = breaker;
  }

  public <T> T call(Function<RestClient, T> call) {
    Supplier<T> guarded = CircuitBreaker.decorateSupplier(breaker, () -> call.apply(client));
    try {
      return guarded.get();
    } catch (HttpClientErrorException refused) {
      throw ServiceRefusal.from(refused);
    } catch (CallNotPermittedException | RestClientException failed) {
      throw new ServiceUnavailable(breaker.getName());
    }
  }

  public void run(Consumer<RestClient> call) {
    call(client -> {
      call.accept(client);
      return null;
    });
  }
}
