package org.safebed.platform.web.notifications;

import java.time.Clock;
import java.time.Duration;
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
 */
@AutoConfiguration(after = DataMongoAutoConfiguration.class)
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
  NotificationInbox notificationInbox(MongoTemplate mongo, ObjectProvider<Clock> clock, NotificationFeed feed) {
    return new NotificationInbox(mongo, clock.getIfUnique(Clock::systemUTC), feed);
  }

  @Bean
  NotificationController notificationController(NotificationInbox inbox, NotificationFeed feed,
      @Value("${safebed.notifications.stream-for:30m}") Duration streamFor) {
    return new NotificationController(inbox, feed, streamFor);
  }
}
