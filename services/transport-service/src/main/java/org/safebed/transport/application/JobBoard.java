package org.safebed.transport.application;

import java.util.List;
import org.safebed.platform.refusal.Refusal;
import org.safebed.platform.web.security.Caller;
import org.safebed.platform.web.security.Role;
import org.safebed.transport.domain.JobStatus;
import org.safebed.transport.domain.TransportJob;
import org.safebed.transport.domain.TransportJobs;
import org.springframework.stereotype.Service;

/** Which jobs a caller sees: a coordinator every job, a driver only those assigned to them. */
@Service
public class JobBoard {

  static final int LIMIT = 200;

  private final TransportJobs jobs;

  public JobBoard(TransportJobs jobs) {
    this.jobs = jobs;
  }

  public List<TransportJob> visibleTo(Caller caller, JobStatus status) {
    return caller.has(Role.COORDINATOR)
        ? jobs.all(status, LIMIT)
        : jobs.assignedTo(caller.subject(), status, LIMIT);
  }

  /** A job the caller may see; anything else is "not found", whether it exists or not. */
  public TransportJob get(Caller caller, String jobId) {
    return Refusal.visibleOrNotFound(
        jobs.find(jobId), job -> caller.has(Role.COORDINATOR) || job.isAssignedTo(caller.subject()),
        "Transport job");
  }
}
