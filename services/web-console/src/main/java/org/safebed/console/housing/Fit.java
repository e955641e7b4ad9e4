package org.safebed.console.housing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.safebed.console.services.model.Referral;
import org.safebed.console.services.model.RentalUnit;
import org.safebed.console.services.model.UnitMatch;

/**
 * Why a unit of her agency fits a referral or does not, from what the API gives her and nothing
 * else. A unit the service does not propose although nothing she can see rules it out is said to
 * be kept away for her safety or outranked, without saying which: the service does not tell, so
 * that no area she must avoid can be worked out from its answers, and neither does the page.
 */
final class Fit {

  private static final Set<String> HOUSEHOLDS = Set.of("YOUNG_ADULT", "WITH_CHILD", "MINOR_WITH_GUARDIAN");

  private Fit() {}

  static List<Reason> whyItFits(UnitMatch match, Referral referral) {
    List<Reason> reasons = new ArrayList<>();
    if (referral.preferredRegions().isEmpty()) {
      reasons.add(Reason.of("fit.any-region"));
    } else {
      reasons.add(Reason.of(match.inPreferredRegion() ? "fit.preferred-region" : "fit.other-region"));
    }
    households(referral).forEach(need -> reasons.add(Reason.of("fit.household." + need)));
    if (referral.needs().contains("ACCESSIBLE")) {
      reasons.add(Reason.of("fit.accessible"));
    }
    if (referral.exclusionZoneCount() + referral.keepApartRefCount() > 0) {
      reasons.add(Reason.of("fit.safe"));
    }
    return reasons;
  }

  /** For a unit the service did not propose; withdrawn units are not asked about. */
  static List<Reason> whyNot(RentalUnit unit, Referral referral) {
    List<Reason> reasons = new ArrayList<>();
    if ("RESERVED".equals(unit.status())) {
      reasons.add(Reason.of(referral.id().equals(unit.referralId()) ? "nofit.offered-to-her" : "nofit.reserved"));
    } else if ("LET".equals(unit.status())) {
      reasons.add(Reason.of("nofit.let"));
    }
    households(referral).stream().filter(need -> !unit.suitableFor().contains(need))
        .forEach(need -> reasons.add(Reason.of("nofit.household." + need)));
    if (referral.needs().contains("ACCESSIBLE") && !unit.accessible()) {
      reasons.add(Reason.of("nofit.not-accessible"));
    }
    if (reasons.isEmpty()) {
      reasons.add(Reason.of("nofit.not-proposed"));
    }
    return reasons;
  }

  private static List<String> households(Referral referral) {
    return referral.needs().stream().filter(HOUSEHOLDS::contains).toList();
  }
}
