package org.safebed.transport.application;

import java.time.Clock;
import java.util.function.BiFunction;
import org.safebed.platform.web.audit.AuditEntry;
import org.safebed.platform.web.audit.AuditTrail;
import org.safebed.platform.web.problem.ApiException;
import org.safebed.transport.config.TransportProperties;
import org.safebed.transport.domain.JobKind;
import org.safebed.transport.domain.TransportJob;
import org.safebed.transport.domain.TransportJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Shows a job's addresses to its driver just in time: the destination of any job, and the pick-up
 * of a move (the shelter she leaves). Transport never holds an address: each request asks the
 * owner, which checks and audits the disclosure on its side; transport audits every attempt on its
 * own side too (granted, refused, unavailable).
 */
@Service
public class DestinationDisclosure {

  private static final Logger log = LoggerFactory.getLogger(DestinationDisclosure.class);

  /** What is asked for: how it is audited, and where it is fetched. */
  private enum Wanted {
    DESTINATION("DESTINATION_REQUESTED", "TRANSPORT_DESTINATION", "destination"),
    MOVE_PICKUP("PICKUP_REQUESTED", "TRANSPORT_PICKUP", "pick-up address");

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
   * The shelter a move starts from. A pick-up has no such look-up: it starts where police found her,
   * which the driver is told by the police, not by SafeBed.
   */
  public DestinationAddress disclosePickup(String driverSubject, String jobId) {
    TransportJob job = ownJob(driverSubject, jobId);
    if (job.kind() != JobKind.MOVE) {
      throw ApiException.conflict("Only a move has a pick-up address to look up");
    }
    return disclose(Wanted.MOVE_PICKUP, job, driverSubject, lookup::fetchMoveOrigin);
  }

  private TransportJob ownJob(String driverSubject, String jobId) {
    return jobs.find(jobId)
        .filter(found -> found.isAssignedTo(driverSubject))
        .orElseThrow(() -> ApiException.notFound("Transport job"));
  }

  private DestinationAddress disclose(
      Wanted wanted,
      TransportJob job,
      String driverSubject,
      BiFunction<TransportJob, String, DestinationAddress> fetch) {
    String jobId = job.id();
    // Both addresses share one window: the driver needs them from acceptance until the hand-over.
    if (!job.destinationDisclosableTo(driverSubject, clock.instant(), properties.disclosureGrace())) {
      record(wanted, driverSubject, jobId, "DENIED");
      throw ApiException.forbidden(
          "The " + wanted.label + " is shown only to the assigned driver, from acceptance until shortly after delivery");
    }
    try {
      DestinationAddress address = fetch.apply(job, driverSubject);
      record(wanted, driverSubject, jobId, "GRANTED");
      log.info("The {} of job {} disclosed to its driver", wanted.label, jobId);
      return address;
    } catch (DestinationLookup.Refused e) {
      record(wanted, driverSubject, jobId, "REFUSED_BY_OWNER");
      log.warn("The owner refused the {} of job {}", wanted.label, jobId);
      throw ApiException.forbidden("The shelter service refused to disclose this " + wanted.label);
    } catch (DestinationLookup.Unavailable e) {
      record(wanted, driverSubject, jobId, "OWNER_UNAVAILABLE");
      log.warn("The {} of job {} unavailable: {}", wanted.label, jobId, e.getMessage());
      throw ApiException.unavailable("address service unavailable, try again");
    }
  }

  private void record(Wanted wanted, String driverSubject, String jobId, String outcome) {
    audit.record(
        new AuditEntry(driverSubject, "DRIVER", null, wanted.action, "transport-job", jobId, wanted.purpose, outcome));
  }
}
