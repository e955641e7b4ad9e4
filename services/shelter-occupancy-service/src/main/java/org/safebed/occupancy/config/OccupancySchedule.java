package org.safebed.occupancy.config;

import java.time.Duration;
import org.safebed.occupancy.application.BedGauges;
import org.safebed.occupancy.application.HoldExpiry;
import org.safebed.occupancy.application.LiveStatus;
import org.safebed.occupancy.application.OccupancyNotifications;
import org.safebed.occupancy.application.Reconciliation;
import org.safebed.occupancy.application.Waitlist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The background work that keeps the invariants without transactions or TTL indexes: hold expiry
 * (and missing residents' kept beds), the reconciler (immediately at start-up, then periodically),
 * the waitlist safety net, escalation of long waits, the live-status poll, and the bed gauges.
 */
@Configuration
@EnableScheduling
public class OccupancySchedule implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(OccupancySchedule.class);

  private final HoldExpiry holdExpiry;
  private final Reconciliation reconciliation;
  private final Waitlist waitlist;
  private final LiveStatus live;
  private final BedGauges bedGauges;
  private final OccupancyNotifications notifications;
  private final OccupancyProperties properties;

  /** Stale capacity is a matter of hours: looking every quarter of an hour is prompt enough. */
  private static final Duration CAPACITY_NUDGE_EVERY = Duration.ofMinutes(15);

  public OccupancySchedule(HoldExpiry holdExpiry, Reconciliation reconciliation, Waitlist waitlist, LiveStatus live,
      BedGauges bedGauges, OccupancyNotifications notifications, OccupancyProperties properties) {
    this.holdExpiry = holdExpiry;
    this.reconciliation = reconciliation;
    this.waitlist = waitlist;
    this.live = live;
    this.bedGauges = bedGauges;
    this.notifications = notifications;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(new FixedDelayTask(
        guarded("hold expiry", holdExpiry::sweep), properties.expirySweepInterval(), properties.expirySweepInterval()));
    registrar.addFixedDelayTask(new FixedDelayTask(
        guarded("reconciler", reconciliation::run), properties.reconcileInterval(), Duration.ZERO));
    registrar.addFixedDelayTask(new FixedDelayTask(
        guarded("waitlist", waitlist::rematch), properties.waitlistInterval(), properties.waitlistInterval()));
    registrar.addFixedDelayTask(new FixedDelayTask(
        guarded("escalation", waitlist::escalate), properties.escalationInterval(), properties.escalationInterval()));
    registrar.addFixedDelayTask(new FixedDelayTask(
        () -> live.poll(), properties.livePollInterval(), properties.livePollInterval()));
    registrar.addFixedDelayTask(new FixedDelayTask(
        guarded("capacity nudge", notifications::nudgeStaleCapacity), CAPACITY_NUDGE_EVERY, CAPACITY_NUDGE_EVERY));
    registrar.addFixedDelayTask(new FixedDelayTask(guarded("bed gauges", bedGauges::refresh),
        properties.gaugesInterval(), properties.gaugesInterval()));
  }

  private static Runnable guarded(String name, java.util.function.IntSupplier task) {
    return () -> {
      try {
        task.getAsInt();
      } catch (RuntimeException e) {
        // Database or broker briefly away: the next round tries again.
        log.warn("{} round failed: {}", name, e.getClass().getSimpleName());
      }
    };
  }
}
