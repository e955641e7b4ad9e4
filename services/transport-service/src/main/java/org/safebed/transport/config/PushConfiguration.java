package org.safebed.transport.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import org.safebed.transport.application.PushDelivery;
import org.safebed.transport.client.VapidKeys;
import org.safebed.transport.client.WebPushClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Web Push is on when VAPID keys are configured. A demo stack without keys makes a pair at start
 * (browsers subscribed before a restart must subscribe again); anything else without keys has push
 * off, and says so once. Keys are never logged, only whether push is on.
 */
@Configuration(proxyBeanMethods = false)
class PushConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PushConfiguration.class);
  private static final String DEMO_SUBJECT = "mailto:push@demo.safebed.invalid";

  @Bean
  PushDelivery pushDelivery(
      PushProperties properties, Clock clock, CircuitBreakerRegistry breakers,
      @Value("${safebed.demo-data.enabled:false}") boolean demo) {
    PushProperties.Vapid vapid = properties.vapid();
    if (vapid.configured()) {
      requireSubject(vapid.subject());
      log.info("Web Push alerts on (configured VAPID keys)");
      return new WebPushClient(VapidKeys.of(vapid.publicKey(), vapid.privateKey()), properties, clock, breakers);
    }
    if (demo) {
      log.info("Web Push alerts on with a key pair made for this run (demo data, no VAPID keys configured)");
      PushProperties withSubject = new PushProperties(
          new PushProperties.Vapid(null, null, vapid.subject() == null ? DEMO_SUBJECT : vapid.subject()),
          properties.allowedHosts(), properties.testOrigins(), properties.maxDevicesPerDriver(),
          properties.resilience());
      return new WebPushClient(VapidKeys.generate(), withSubject, clock, breakers);
    }
    log.info("Web Push alerts off: no VAPID keys (safebed.transport.push.vapid)");
    return PushDelivery.off();
  }

  private static void requireSubject(String subject) {
    if (subject == null || !(subject.startsWith("mailto:") || subject.startsWith("https://"))) {
      throw new IllegalArgumentException("safebed.transport.push.vapid.subject must be a mailto: or https: contact");
    }
  }
}
