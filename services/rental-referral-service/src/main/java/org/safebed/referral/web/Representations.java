package org.safebed.referral.web;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.safebed.referral.application.ReferralView;
import org.safebed.referral.domain.Decline;
import org.safebed.referral.domain.Referral;
import org.safebed.referral.web.model.DeclineReason;
import org.safebed.referral.web.model.DeclineRecord;
import org.safebed.referral.web.model.Need;
import org.safebed.referral.web.model.Offer;
import org.safebed.referral.web.model.Priority;
import org.safebed.referral.web.model.ReferralStatus;
import org.safebed.referral.web.model.RentalUnit;
import org.safebed.referral.web.model.Step;
import org.safebed.referral.web.model.Suitability;
import org.safebed.referral.web.model.UnitMatch;
import org.safebed.referral.web.model.UnitStatus;

/**
 * Domain to API and back. What is not mapped cannot leak: no address, no location, no exclusion
 * zone and no keep-apart reference has a field in any response model.
 */
final class Representations {

  private Representations() {}

  static RentalUnit unit(org.safebed.referral.domain.RentalUnit unit) {
    return new RentalUnit()
        .id(unit.id())
        .agencyId(unit.agencyId())
        .region(unit.region())
        .bedrooms(unit.bedrooms())
        .monthlyRent(unit.monthlyRent())
        .accessible(unit.accessible())
        .availableFrom(unit.availableFrom())
        .suitableFor(unit.suitableFor().stream().sorted().map(s -> Suitability.valueOf(s.name())).toList())
        .status(UnitStatus.valueOf(unit.status().name()))
        .referralId(unit.referralId());
  }

  static UnitMatch match(org.safebed.referral.domain.UnitMatch match) {
    var unit = match.unit();
    return new UnitMatch()
        .rank(match.rank())
        .unitId(unit.id())
        .region(unit.region())
        .bedrooms(unit.bedrooms())
        .monthlyRent(unit.monthlyRent())
        .accessible(unit.accessible())
        .availableFrom(unit.availableFrom())
        .suitableFor(unit.suitableFor().stream().sorted().map(s -> Suitability.valueOf(s.name())).toList())
        .inPreferredRegion(match.inPreferredRegion());
  }

  static org.safebed.referral.web.model.Referral referral(ReferralView view) {
    Referral r = view.referral();
    var body = new org.safebed.referral.web.model.Referral()
        .id(r.id())
        .placementId(r.placementId())
        .agencyId(r.agencyId())
        .status(ReferralStatus.valueOf(r.status().name()))
        .priority(Priority.valueOf(r.priority().name()))
        .needs(r.needs().stream().sorted().map(n -> Need.valueOf(n.name())).toList())
        .preferredRegions(r.preferredRegions())
        .exclusionZoneCount(r.exclusionZoneCount())
        .keepApartRefCount(r.keepApartRefCount())
        .moveInDate(r.moveInDate())
        .closedReason(r.closedReason())
        .steps(steps(r, view.asOf()))
        .declines(r.declines().stream().map(Representations::decline).toList())
        .stalled(view.stalled())
        .createdAt(time(r.createdAt()))
        .lastProgressAt(time(r.lastProgressAt()));
    if (r.offer() != null && r.status().holdsUnit()) {
      body.offer(new Offer()
          .unitId(r.offer().unitId())
          .region(r.offer().region())
          .offeredAt(time(r.offer().offeredAt()))
          .expiresAt(time(r.offer().expiresAt()))
          .acceptedAt(time(r.offer().acceptedAt())));
    }
    if (r.status() == org.safebed.referral.domain.ReferralStatus.MOVED_IN) {
      r.unitId().ifPresent(body::unitId);
    }
    return body;
  }

  /** Each step with the time spent in it: until the next step began, or until now. */
  private static List<Step> steps(Referral r, Instant now) {
    List<Step> steps = new ArrayList<>();
    List<org.safebed.referral.domain.Step> history = r.steps();
    for (int i = 0; i < history.size(); i++) {
      var step = history.get(i);
      Instant left = i + 1 < history.size() ? history.get(i + 1).enteredAt() : null;
      Instant until = left != null ? left : (r.status().isActive() ? now : step.enteredAt());
      steps.add(new Step()
          .status(ReferralStatus.valueOf(step.status().name()))
          .enteredAt(time(step.enteredAt()))
          .leftAt(time(left))
          .secondsInStep(Math.max(0, Duration.between(step.enteredAt(), until).toSeconds()))
          .cause(step.cause()));
    }
    return steps;
  }

  private static DeclineRecord decline(Decline d) {
    return new DeclineRecord()
        .unitId(d.unitId())
        .reason(DeclineReason.valueOf(d.reason().name()))
        .at(time(d.at()));
  }

  static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static <A extends Enum<A>, B extends Enum<B>> Set<B> enums(java.util.Collection<A> values, Class<B> type) {
    Set<B> out = EnumSet.noneOf(type);
    if (values != null) {
      values.forEach(v -> out.add(Enum.valueOf(type, v.name())));
    }
    return out;
  }
}
