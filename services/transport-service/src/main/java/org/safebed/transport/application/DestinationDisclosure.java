package org.safebed.transport.application;

import java.time.Clock;
import java.util.function.BiFunction;
import org.safebed.platform.refusal.Refusal;
import org.safebed.platform.web.audit.AuditEntry;
import org.safebed.platform.web.audit.AuditTrail;
import org.safebed.transport.config.TransportProperties;
import org.safebed.transport.domain.JobKind;
import org.safebed.transport.domain.TransportJob;
import org.safebed.transport.domain.TransportJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Shows a job's addresses to its driver just in time: the destination of any job, and where it
 * starts (the shelter she leaves for a move, the point police found her for a pick-up). Transport never holds an address: each request asks the
 * owner, which checks and audits the disclosure on its side; transport audits every attempt on its
 * own side too (granted, refused, unavailable).
 */
@Service
public class DestinationDisclosure {

  private static final Logger log = LoggerFactory.getLogger(DestinationDisclosure.class);

  /** What is asked for: how it is audited, and where it is fetched. */
  private enum Wanted {
    DESTINATION("DESTINATION_REQUESTED", "TRANSPORT_DESTINATION", "destination"),
    MOVE_PICKUP("PICKUP_REQUESTED", "TRANSPORT_PICKUP", "pick-up address"),
    PICKUP_POINT("PICKUP_REQUESTED", "TRANSPORT_PICKUP_POINT", "pick-up point");

    final String action;
    final String purpose;
    final String label;

    Wanted(String action, String purpose, String label) {
      this.action = action;
      this.purpose = purpose;
      this.label = label;
    }
  }

  private final TransportJobs jobs;
  private final DestinationLookup lookup;
  private final AuditTrail audit;
  private final TransportProperties properties;
  private final Clock clock;

  public DestinationDisclosure(
      TransportJobs jobs, DestinationLookup lookup, AuditTrail audit, TransportProperties properties, Clock clock) {
    this.jobs = jobs;
    this.lookup = lookup;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  public DestinationAddress disclose(String driverSubject, String jobId) {
    TransportJob job = ownJob(driverSubject, jobId);
    return disclose(Wanted.DESTINATION, job, driverSubject, lookup::fetch);
  }

  /**
   * Where the job starts: the shelter a move starts from, or the exact point police found her for a
   * pick-up (the job itself knows only the coarse area).
   */
  public DisclosedPickup disclosePickup(String driverSubject, String jobId) {
    TransportJob job = ownJob(driverSubject, jobId);
    return job.kind() == JobKind.MOVE
        ? disclose(Wanted.MOVE_PICKUP, job, driverSubject, lookup::fetchMoveOrigin)
        : disclose(Wanted.PICKUP_POINT, job, driverSubject, lookup::fetchPickupPoint);
  }

  private TransportJob ownJob(String driverSubject, String jobId) {
    return Refusal.visibleOrNotFound(
        jobs.find(jobId), found -> found.isAssignedTo(driverSubject), "Transport job");
  }

  private <T> T disclose(
      Wanted wanted, TransportJob job, String driverSubject, BiFunction<TransportJob, String, T> fetch) {
    String jobId = job.id();
    // Both ends share one window: the driver needs them from acceptance until the hand-over.
    if (!job.destinationDisclosableTo(driverSubject, clock.instant(), properties.disclosureGrace())) {
      record(wanted, driverSubject, jobId, "DENIED");
      throw new Refusal.NotAllowed(
          "The " + wanted.label + " is shown only to the assigned driver, from acceptance until shortly after delivery");
    }
    try {
      T disclosed = fetch.apply(job, driverSubject);
      record(wanted, driverSubject, jobId, "GRANTED");
      log.info("The {} of job {} disclosed to its driver", wanted.label, jobId);
      return disclosed;
    } catch (DestinationLookup.Refused e) {
      record(wanted, driverSubject, jobId, "REFUSED_BY_OWNER");
      log.warn("The owner refused the {} of job {}", wanted.label, jobId);
      throw new Refusal.NotAllowed("The shelter service refused to disclose this " + wanted.label);
    } catch (DestinationLookup.Unavailable e) {
      record(wanted, driverSubject, jobId, "OWNER_UNAVAILABLE");
      log.warn("The {} of job {} unavailable: {}", wanted.label, jobId, e.getMessage());
      throw new Refusal.Unavailable("address service unavailable, try again");
    }
  }

  private void record(Wanted wanted, String driverSubject, String jobId, String outcome) {
    audit.record(
        new AuditEntry(driverSubject, "DRIVER", null, wanted.action, "transport-job", jobId, wanted.purpose, outcome));
  }
}
