package org.safebed.referral.application;

/**
 * Who acts: a housing officer (with her agency), a coordinator, another service, or this service
 * itself (sweeps, reconciler, event handlers).
 */
public record Actor(String subject, String role, String agencyId) {

  public static final Actor SYSTEM = new Actor(SealedReads.SYSTEM, "SYSTEM", null);

  public boolean isCoordinator() {
    return "COORDINATOR".equals(role);
  }
}
