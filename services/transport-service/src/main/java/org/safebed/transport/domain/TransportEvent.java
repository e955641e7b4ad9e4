package org.safebed.transport.domain;

/** What a job's transitions tell the rest of SafeBed. Opaque ids and coarse facts only. */
public sealed interface TransportEvent {

  String jobId();

  String placementId();

  /** Offered to a driver, with the ETA of driver base to pick-up to destination. */
  record DriverAssigned(String jobId, String placementId, String driverSubject, TravelTime eta)
      implements TransportEvent {}

  record PickedUp(String jobId, String placementId) implements TransportEvent {}

  record Delivered(String jobId, String placementId) implements TransportEvent {}

  /** No driver could be found; the job waits for coordinators. */
  record AssignmentFailed(String jobId, String placementId, UnassignedReason reason)
      implements TransportEvent {}
}
