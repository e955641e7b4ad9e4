package org.safebed.platform.web.notifications;

import java.time.Clock;
import java.time.Duration;
import org.safebed.platform.web.push.PlatformPushAutoConfiguration;
import org.safebed.platform.web.push.PushAlerts;
import org.safebed.platform.web.push.PushDevices;
import org.safebed.platform.web.push.PushProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Notifications for the people a service serves ({@code /api/notifications}), in every service that
 * keeps records: each raises its own, in its own database, through the {@link NotificationInbox}.
 * Where push is configured ({@link PlatformPushAutoConfiguration}), an urgent one addressed to an
 * account wakes that account's devices, unless {@code safebed.push.notify-on-raise} is false.
 */
@AutoConfiguration(after = {DataMongoAutoConfiguration.class, PlatformPushAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(MongoTemplate.class)
public class PlatformNotificationsAutoConfiguration {

  @Bean(destroyMethod = "close")
  NotificationFeed notificationFeed(ObjectProvider<Clock> clock,
      @Value("${safebed.notifications.poll-every:2s}") Duration pollEvery,
      @Value("${safebed.notifications.heartbeat-every:10s}") Duration heartbeatEvery) {
    return new NotificationFeed(clock.getIfUnique(Clock::systemUTC), pollEvery, heartbeatEvery);
  }

  @Bean
  NotificationInbox notificationInbox(MongoTemplate mongo, ObjectProvider<Clock> clock, NotificationFeed feed,
      ObjectProvider<PushAlerts> alerts, ObjectProvider<PushProperties> push) {
    boolean notify = push.getIfAvailable() != null && push.getObject().notifyOnRaise();
    PushAlerts devices = alerts.getIfAvailable();
    return new NotificationInbox(mongo, clock.getIfUnique(Clock::systemUTC), feed,
        notify && devices != null ? new NotificationPush(devices) : null);
  }

  /** Police (and drivers) register their devices where their notifications are raised. */
  @Bean
  @ConditionalOnBean(PushDevices.class)
  NotificationPushController notificationPushController(PushDevices devices) {
    return new NotificationPushController(devices);
  }

  @Bean
  NotificationController notificationController(NotificationInbox inbox, NotificationFeed feed,
      @Value("${safebed.notifications.stream-for:30m}") Duration streamFor) {
    return new NotificationController(inbox, feed, streamFor);
  }
}
