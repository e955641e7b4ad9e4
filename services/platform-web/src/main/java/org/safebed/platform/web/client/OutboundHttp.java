package org.safebed.platform.web.client;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/** The HTTP transport of every call a service makes to another service or a provider. */
public final class OutboundHttp {

  private OutboundHttp() {}

  /**
   * HTTP/1.1 (no upgrade attempt that a plain-HTTP peer would stall on), with both time limits set:
   * a call without them waits as long as the peer lets it, holding the caller's thread.
   */
  public static JdkClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration readTimeout) {
    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .build();
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
    factory.setReadTimeout(readTimeout);
    return factory;
  }

  /**
   * For calls a time limiter cuts off ({@link OutboundGuard}): connecting may take the limit, but
   * never more than a second; reading a little longer than the limit, so that the limiter gives up
   * first and the read limit only frees the connection soon after.
   */
  public static JdkClientHttpRequestFactory timeLimited(Duration timeLimit) {
    Duration connect = timeLimit.compareTo(Duration.ofSeconds(1)) < 0 ? timeLimit : Duration.ofSeconds(1);
    return requestFactory(connect, timeLimit.plusMillis(200));
  }
}
