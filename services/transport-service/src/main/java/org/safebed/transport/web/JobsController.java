package org.safebed.transport.web;

import java.util.List;
import org.safebed.transport.application.DestinationAddress;
import org.safebed.transport.application.DestinationDisclosure;
import org.safebed.transport.application.JobBoard;
import org.safebed.transport.application.JobProgress;
import org.safebed.transport.application.PickupPoint;
import org.safebed.transport.application.UnassignedJobs;
import org.safebed.transport.domain.JobStatus;
import org.safebed.transport.web.api.JobsApi;
import org.safebed.transport.web.model.DestinationDto;
import org.safebed.transport.web.model.PickupDto;
import org.safebed.transport.web.model.PickupPointDto;
import org.safebed.transport.web.model.TransportJobDto;
import org.safebed.transport.web.model.TransportJobStatusDto;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

@RestController
class JobsController implements JobsApi {

  private final JobBoard board;
  private final JobProgress progress;
  private final DestinationDisclosure disclosure;
  private final UnassignedJobs unassigned;
  private final CallingDriver caller;

  JobsController(
      JobBoard board, JobProgress progress, DestinationDisclosure disclosure, UnassignedJobs unassigned,
      CallingDriver caller) {
    this.caller = caller;
    this.board = board;
    this.progress = progress;
    this.disclosure = disclosure;
    this.unassigned = unassigned;
  }

  @Override
  @PreAuthorize("hasAnyRole('DRIVER', 'COORDINATOR')")
  public ResponseEntity<List<TransportJobDto>> listJobs(TransportJobStatusDto status) {
    JobStatus wanted = status == null ? null : JobStatus.valueOf(status.name());
    return ResponseEntity.ok(board.visibleTo(caller.caller(), wanted).stream().map(ApiViews::job).toList());
  }

  @Override
  @PreAuthorize("hasAnyRole('DRIVER', 'COORDINATOR')")
  public ResponseEntity<TransportJobDto> getJob(String jobId) {
    return ResponseEntity.ok(ApiViews.job(board.get(caller.caller(), jobId)));
  }

  @Override
  @PreAuthorize("hasRole('DRIVER')")
  public ResponseEntity<TransportJobDto> acceptJob(String jobId) {
    return ResponseEntity.ok(ApiViews.job(progress.accept(caller.subject(), jobId)));
  }

  @Override
  @PreAuthorize("hasRole('DRIVER')")
  public ResponseEntity<Void> declineJob(String jobId) {
    progress.decline(caller.subject(), jobId);
    return ResponseEntity.noContent().build();
  }

  @Override
  @PreAuthorize("hasRole('DRIVER')")
  public ResponseEntity<TransportJobDto> pickUpJob(String jobId) {
    return ResponseEntity.ok(ApiViews.job(progress.pickUp(caller.subject(), jobId)));
  }

  @Override
  @PreAuthorize("hasRole('DRIVER')")
  public ResponseEntity<TransportJobDto> deliverJob(String jobId) {
    return ResponseEntity.ok(ApiViews.job(progress.deliver(caller.subject(), jobId)));
  }

  @Override
  @PreAuthorize("hasRole('COORDINATOR')")
  public ResponseEntity<TransportJobDto> reofferJob(String jobId) {
    return ResponseEntity.ok(ApiViews.job(unassigned.reoffer(jobId)));
  }

  /** Never cached anywhere on the way: the address must exist only on the driver's screen. */
  @Override
  @PreAuthorize("hasRole('DRIVER')")
  public ResponseEntity<DestinationDto> getJobDestination(String jobId) {
    String address = disclosure.disclose(caller.subject(), jobId).reveal();
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .header("Pragma", "no-cache")
        .body(new DestinationDto(address));
  }

  /** Where the job starts (a move's shelter, a pick-up's exact point): never cached, like the destination. */
  @Override
  @PreAuthorize("hasRole('DRIVER')")
  public ResponseEntity<PickupDto> getJobPickup(String jobId) {
    PickupDto pickup = switch (disclosure.disclosePickup(caller.subject(), jobId)) {
      case DestinationAddress address -> new PickupDto().address(address.reveal());
      case PickupPoint point -> new PickupDto().location(new PickupPointDto(point.lat(), point.lon()));
    };
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .header("Pragma", "no-cache")
        .body(pickup);
  }
}
