package org.safebed.platform.web.notifications;

/**
 * What a notification says happened, as the contract ({@code api-specs/openapi/notifications.yaml})
 * lists it: a code, so that the reader's screen words it in her language and nothing written in one
 * can carry a name or an address.
 */
public enum NotificationKind {
  PLACEMENT_HELD,
  PLACEMENT_WAITING,
  RESIDENT_MISSING,
  NO_SHOW,
  CAPACITY_UNCONFIRMED,
  KEEP_APART_REVIEW,
  REQUEST_CHURN,
  SHELTER_COMPROMISED,
  TRANSPORT_OFFERED,
  TRANSPORT_OFFER_EXPIRED,
  TRANSPORT_UNASSIGNED,
  HOUSING_OFFER_EXPIRED;

  /** The record kinds a notification can point to. */
  public enum Record { PLACEMENT, SHELTER, TRANSPORT_JOB, REFERRAL }
}
