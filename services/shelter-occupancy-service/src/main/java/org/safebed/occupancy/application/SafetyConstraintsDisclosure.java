package org.safebed.occupancy.application;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementRepository;
import org.safebed.occupancy.domain.PlacementStatus;
import org.safebed.platform.refusal.Refusal;
import org.safebed.platform.web.audit.AuditEntry;
import org.safebed.platform.web.audit.AuditTrail;
import org.safebed.platform.web.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The only way a placement's safety constraints leave the service: to the rental referral
 * service's own account, for a referral a housing officer makes while she is checked in, so that
 * her rental unit keeps her out of the same zones and away from the same people. Every attempt is
 * audited against the officer it is for, granted or denied; a denial says nothing about why.
 */
@Component
public class SafetyConstraintsDisclosure {

  private static final Logger log = LoggerFactory.getLogger(SafetyConstraintsDisclosure.class);
  static final String ACTION = "SAFETY_CONSTRAINTS_DISCLOSED";
  static final String PURPOSE = "RENTAL_REFERRAL";

  private final PlacementRepository placements;
  private final AuditTrail audit;
  private final CaseTokens caseTokens;
  private final String referralClientId;

  public SafetyConstraintsDisclosure(PlacementRepository placements, AuditTrail audit, CaseTokens caseTokens,
      @Value("${safebed.occupancy.referral-client-id:rental-referral-service}") String referralClientId) {
    this.placements = placements;
    this.audit = audit;
    this.caseTokens = caseTokens;
    this.referralClientId = referralClientId;
  }

  /** The placement whose constraints the rental referral service may read for this officer. */
  public Placement forReferral(Caller service, String placementId, String officer) {
    Optional<Placement> placement = Optional.of(placementId)
        .filter(id -> referralClientId.equals(service.subject()))
        .flatMap(placements::findById)
        .filter(p -> p.status() == PlacementStatus.CHECKED_IN);
    String outcome = placement.isPresent() ? "GRANTED" : "DENIED";
    audit.record(new AuditEntry(service.subject(), "SERVICE", officer, ACTION, "placement", placementId,
        PURPOSE, outcome));
    if (placement.isEmpty()) {
      log.warn("Safety constraints of placement {} refused", placementId);
      throw new Refusal.NotAllowed("These safety constraints are not disclosed to this caller");
    }
    log.info("Safety constraints of placement {} disclosed for a referral", placementId);
    return placement.get();
  }

  /** Her placement's keep-apart tokens, sorted. */
  public List<String> keepApartTokens(Placement placement) {
    return List.copyOf(new TreeSet<>(placement.request().keepApart()));
  }

  /**
   * The references the officer adds, tokenised here with the key police's were so that they compare
   * with tenants' tokens, each once, sorted. Kept apart from the placement's: they are the
   * officer's free input, so the referral service matches them with her own agency's tenants only.
   */
  public List<String> officersKeepApartTokens(Collection<String> officersReferences) {
    return List.copyOf(new TreeSet<>(caseTokens.of(officersReferences)));
  }
}
