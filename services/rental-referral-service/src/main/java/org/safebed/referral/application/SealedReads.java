package org.safebed.referral.application;

import org.safebed.platform.web.audit.AuditEntry;
import org.safebed.platform.web.audit.AuditTrail;
import org.springframework.stereotype.Component;

/**
 * Audits every read of sealed fields. One entry per operation, naming the referral whose
 * constraints were opened and why; the units whose locations were opened alongside are the
 * candidates of that operation.
 */
@Component
public class SealedReads {

  public static final String SYSTEM = "rental-referral-service";

  private final AuditTrail audit;

  public SealedReads(AuditTrail audit) {
    this.audit = audit;
  }

  public void safetyChecked(Actor actor, String referralId, String purpose) {
    audit.record(
        new AuditEntry(actor.subject(), actor.role(), null, "SAFETY_CONSTRAINTS_READ", "referral", referralId, purpose, "DONE"));
  }

  public void addressDisclosed(Actor actor, String onBehalfOf, String referralId, String transportJob) {
    audit.record(
        new AuditEntry(actor.subject(), actor.role(), onBehalfOf, "ADDRESS_DISCLOSED", "referral", referralId,
            "MOVE_DESTINATION job=" + transportJob, "GRANTED"));
  }

  public void addressRefused(Actor actor, String onBehalfOf, String referralId, String transportJob) {
    audit.record(
        new AuditEntry(actor.subject(), actor.role(), onBehalfOf, "ACCESS_DENIED", "referral", referralId,
            "MOVE_DESTINATION job=" + transportJob, "DENIED"));
  }

  public void unitSealed(Actor actor, String unitId) {
    audit.record(
        new AuditEntry(actor.subject(), actor.role(), null, "UNIT_ADDRESS_SEALED", "rental_unit", unitId, "UNIT_REGISTERED", "DONE"));
  }

  /** Not a sealed read, but the unit's one way out of the stock: audited alongside its registration. */
  public void unitWithdrawal(Actor actor, String unitId, boolean withdrawn) {
    audit.record(new AuditEntry(actor.subject(), actor.role(), null, "UNIT_WITHDRAWN", "rental_unit", unitId,
        "UNIT_WITHDRAWAL", withdrawn ? "DONE" : "REFUSED_IN_USE"));
  }
}
