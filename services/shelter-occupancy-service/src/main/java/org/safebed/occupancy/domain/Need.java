package org.safebed.occupancy.domain;

/** Something the person needs that not every shelter can give. */
public enum Need {
  ACCOMPANYING_CHILD,
  WHEELCHAIR_ACCESS,
  ADDICTION_SUPPORT,
  MENTAL_HEALTH_SUPPORT,
  PREGNANCY_SUPPORT;

  boolean coveredBy(Eligibility eligibility) {
    return switch (this) {
      case ACCOMPANYING_CHILD -> eligibility.acceptsAccompanyingChild();
      case WHEELCHAIR_ACCESS -> eligibility.accessible();
      case ADDICTION_SUPPORT -> eligibility.specialisms().contains(Specialism.ADDICTION);
      case MENTAL_HEALTH_SUPPORT -> eligibility.specialisms().contains(Specialism.MENTAL_HEALTH);
      case PREGNANCY_SUPPORT -> eligibility.specialisms().contains(Specialism.PREGNANCY);
    };
  }
}
