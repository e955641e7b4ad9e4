package org.safebed.platform.web.push;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import org.safebed.platform.web.client.OutboundBreakersAutoConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Web Push to people's devices ({@code safebed.push}), in every service that keeps records: on when
 * VAPID keys are configured. A demo stack without keys makes a pair at start (browsers subscribed
 * before a restart must subscribe again); anything else without keys has push off, and says so
 * once: the public key is then 404 and nothing is sent. Keys are never logged, only whether push is on.
 */
@AutoConfiguration(after = {DataMongoAutoConfiguration.class, OutboundBreakersAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(MongoTemplate.class)
@EnableConfigurationProperties(PushProperties.class)
public class PlatformPushAutoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PlatformPushAutoConfiguration.class);
  private static final String DEMO_SUBJECT = "mailto:push@demo.safebed.invalid";

  @Bean
  @ConditionalOnMissingBean
  PushDelivery pushDelivery(
      PushProperties properties, ObjectProvider<Clock> clock, CircuitBreakerRegistry breakers,
      @Value("${safebed.demo-data.enabled:false}") boolean demo) {
    PushProperties.Vapid vapid = properties.vapid();
    Clock time = clock.getIfUnique(Clock::systemUTC);
    if (vapid.configured()) {
      requireSubject(vapid.subject());
      log.info("Web Push alerts on (configured VAPID keys)");
      return new WebPushClient(VapidKeys.of(vapid.publicKey(), vapid.privateKey()), properties, time, breakers);
    }
    if (demo) {
      log.info("Web Push alerts on with a key pair made for this run (demo data, no VAPID keys configured)");
      PushProperties withSubject = properties.with(
          new PushProperties.Vapid(null, null, vapid.subject() == null ? DEMO_SUBJECT : vapid.subject()));
      return new WebPushClient(VapidKeys.generate(), withSubject, time, breakers);
    }
    log.info("Web Push alerts off: no VAPID keys (safebed.push.vapid)");
    return PushDelivery.off();
  }

  @Bean
  PushSubscriptions pushSubscriptions(MongoTemplate mongo) {
    return new PushSubscriptions(mongo);
  }

  @Bean
  PushDevices pushDevices(
      PushSubscriptions subscriptions, PushDelivery delivery, PushProperties properties, ObjectProvider<Clock> clock) {
    return new PushDevices(subscriptions, new PushEndpoints(properties), delivery, properties.maxDevicesPerAccount(),
        clock.getIfUnique(Clock::systemUTC));
  }

  @Bean(destroyMethod = "close")
  PushAlerts pushAlerts(PushSubscriptions subscriptions, PushDelivery delivery) {
    return new PushAlerts(subscriptions, delivery);
  }

  private static void requireSubject(String subject) {
    if (subject == null || !(subject.startsWith("mailto:") || subject.startsWith("https://"))) {
      throw new IllegalArgumentException("safebed.push.vapid.subject must be a mailto: or https: contact");
    }
  }
}
