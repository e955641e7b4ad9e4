package org.safebed.transport.application;

import java.time.Clock;
import org.safebed.platform.web.audit.AuditEntry;
import org.safebed.platform.web.audit.AuditTrail;
import org.safebed.platform.web.problem.ApiException;
import org.safebed.transport.config.TransportProperties;
import org.safebed.transport.domain.TransportJob;
import org.safebed.transport.domain.TransportJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Shows a job's destination to its driver just in time. Transport never holds the address: each
 * request asks the shelter occupancy service, which checks and audits the disclosure on its side;
 * transport audits every attempt on its own side too (granted, refused, unavailable).
 */
@Service
public class DestinationDisclosure {

  private static final Logger log = LoggerFactory.getLogger(DestinationDisclosure.class);
  private static final String ACTION = "DESTINATION_REQUESTED";
  private static final String PURPOSE = "TRANSPORT_DESTINATION";

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
    TransportJob job =
        jobs.find(jobId)
            .filter(found -> found.isAssignedTo(driverSubject))
            .orElseThrow(() -> ApiException.notFound("Transport job"));
    if (!job.destinationDisclosableTo(driverSubject, clock.instant(), properties.disclosureGrace())) {
      record(driverSubject, jobId, "DENIED");
      throw ApiException.forbidden(
          "The destination is shown only to the assigned driver, from acceptance until shortly after delivery");
    }
    try {
      DestinationAddress address = lookup.fetch(job, driverSubject);
      record(driverSubject, jobId, "GRANTED");
      log.info("Destination of job {} disclosed to its driver", jobId);
      return address;
    } catch (DestinationLookup.Refused e) {
      record(driverSubject, jobId, "REFUSED_BY_OWNER");
      log.warn("Shelter occupancy refused the destination of job {}", jobId);
      throw ApiException.forbidden("The shelter service refused to disclose this destination");
    } catch (DestinationLookup.Unavailable e) {
      record(driverSubject, jobId, "OWNER_UNAVAILABLE");
      log.warn("Destination of job {} unavailable: {}", jobId, e.getMessage());
      throw ApiException.unavailable("address service unavailable, try again");
    }
  }

  private void record(String driverSubject, String jobId, String outcome) {
    audit.record(new AuditEntry(driverSubject, "DRIVER", null, ACTION, "transport-job", jobId, PURPOSE, outcome));
  }
}
