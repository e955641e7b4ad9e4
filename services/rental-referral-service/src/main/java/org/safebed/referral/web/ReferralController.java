package org.safebed.referral.web;

import java.util.List;
import org.safebed.referral.application.Referrals;
import org.safebed.referral.domain.DeclineReason;
import org.safebed.referral.domain.ExclusionZone;
import org.safebed.referral.domain.GeoPoint;
import org.safebed.referral.domain.Need;
import org.safebed.referral.domain.SafetyConstraints;
import org.safebed.referral.web.api.ReferralsApi;
import org.safebed.referral.web.model.DeclineRequest;
import org.safebed.referral.web.model.MoveInRequest;
import org.safebed.referral.web.model.NewReferral;
import org.safebed.referral.web.model.OfferRequest;
import org.safebed.referral.web.model.Priority;
import org.safebed.referral.web.model.Referral;
import org.safebed.referral.web.model.ReferralStatus;
import org.safebed.referral.web.model.UnitMatch;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

/** Referrals: commands for housing officers of the referral's agency, reads also for coordinators. */
@RestController
public class ReferralController implements ReferralsApi {

  private final Referrals referrals;

  public ReferralController(Referrals referrals) {
    this.referrals = referrals;
  }

  @Override
  @PreAuthorize("hasRole('HOUSING_OFFICER')")
  public ResponseEntity<Referral> createReferral(NewReferral body) {
    List<ExclusionZone> zones =
        body.getExclusionZones() == null ? List.of()
            : body.getExclusionZones().stream()
                .map(z -> new ExclusionZone(new GeoPoint(z.getLat(), z.getLon()), z.getRadiusKm()))
                .toList();
    List<String> refs = body.getKeepApartRefs() == null ? List.of() : List.copyOf(body.getKeepApartRefs());
    var request =
        new Referrals.NewReferral(
            body.getPlacementId(),
            body.getUnitId(),
            Representations.enums(body.getNeeds(), Need.class),
            body.getPreferredRegions() == null ? List.of() : List.copyOf(body.getPreferredRegions()),
            body.getPriority() == null ? null : org.safebed.referral.domain.Priority.valueOf(body.getPriority().name()),
            new SafetyConstraints(zones, refs));
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(Representations.referral(referrals.create(Actors.current(), request)));
  }

  @Override
  @PreAuthorize("hasAnyRole('HOUSING_OFFICER', 'COORDINATOR')")
  public ResponseEntity<List<Referral>> listReferrals(ReferralStatus status, Boolean stalled, Integer limit) {
    var domainStatus = status == null ? null : org.safebed.referral.domain.ReferralStatus.valueOf(status.name());
    return ResponseEntity.ok(
        referrals.list(Actors.current(), domainStatus, stalled, limit == null ? 50 : limit).stream()
            .map(Representations::referral)
            .toList());
  }

  @Override
  @PreAuthorize("hasAnyRole('HOUSING_OFFICER', 'COORDINATOR')")
  public ResponseEntity<Referral> getReferral(String referralId) {
    return ResponseEntity.ok(Representations.referral(referrals.get(Actors.current(), referralId)));
  }

  @Override
  @PreAuthorize("hasRole('HOUSING_OFFICER')")
  public ResponseEntity<List<UnitMatch>> listReferralMatches(String referralId, Integer limit) {
    return ResponseEntity.ok(
        referrals.matches(Actors.current(), referralId, limit == null ? 10 : limit).stream()
            .map(Representations::match)
            .toList());
  }

  @Override
  @PreAuthorize("hasRole('HOUSING_OFFICER')")
  public ResponseEntity<Referral> offerUnit(String referralId, OfferRequest body) {
    return ResponseEntity.ok(
        Representations.referral(referrals.offer(Actors.current(), referralId, body.getUnitId())));
  }

  @Override
  @PreAuthorize("hasRole('HOUSING_OFFICER')")
  public ResponseEntity<Referral> acceptOffer(String referralId) {
    return ResponseEntity.ok(Representations.referral(referrals.accept(Actors.current(), referralId)));
  }

  @Override
  @PreAuthorize("hasRole('HOUSING_OFFICER')")
  public ResponseEntity<Referral> declineOffer(String referralId, DeclineRequest body) {
    DeclineReason reason = DeclineReason.valueOf(body.getReason().name());
    return ResponseEntity.ok(Representations.referral(referrals.decline(Actors.current(), referralId, reason)));
  }

  @Override
  @PreAuthorize("hasRole('HOUSING_OFFICER')")
  public ResponseEntity<Referral> recordMoveIn(String referralId, MoveInRequest body) {
    return ResponseEntity.ok(
        Representations.referral(referrals.moveIn(Actors.current(), referralId, body.getMoveInDate())));
  }
}
