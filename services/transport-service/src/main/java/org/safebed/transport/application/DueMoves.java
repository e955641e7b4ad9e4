package org.safebed.transport.application;

import java.time.Clock;
import org.safebed.transport.domain.TransportJob;
import org.safebed.transport.domain.TransportJobs;
import org.safebed.transport.domain.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/** Booked moves whose day has come go to a driver: a sweep, like offer expiry. */
@Service
public class DueMoves {

  private static final Logger log = LoggerFactory.getLogger(DueMoves.class);
  private static final int BATCH = 100;

  private final TransportJobs jobs;
  private final JobAssignment assignment;
  private final Clock clock;

  public DueMoves(TransportJobs jobs, JobAssignment assignment, Clock clock) {
    this.jobs = jobs;
    this.assignment = assignment;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${safebed.transport.offer-sweep-interval:5s}",
      initialDelayString = "${safebed.transport.offer-sweep-interval:5s}")
  public void sweep() {
    try {
      for (TransportJob move : jobs.scheduledDueAt(clock.instant(), BATCH)) {
        Transition due = move.becomeDue(clock.instant());
        if (due.changed() && jobs.save(move, due)) {
          log.info("Move {} is due", move.id());
          assignment.assign(move.id());
        }
      }
    } catch (RuntimeException e) {
      log.warn("Due-move sweep failed: {}", e.getClass().getSimpleName());
    }
  }
}
