package org.safebed.referral.persistence;

/** The service's Mongo collections. */
public final class CollectionNames {
  public static final String REFERRALS = "referrals";
  public static final String RENTAL_UNITS = "rental_units";
  public static final String RESIDENTS = "residents";

  private CollectionNames() {}
}
