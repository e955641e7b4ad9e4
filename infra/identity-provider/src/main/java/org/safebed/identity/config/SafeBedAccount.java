package org.safebed.identity.config;

import java.util.List;

/** What a token says about the account it was issued for, whether a machine client or a person. */
public interface SafeBedAccount {

  /** The {@code roles} claim; never empty. */
  List<String> roles();

  /** The {@code shelter_ids} claim (shelter managers), may be empty. */
  List<String> shelterIds();

  /** The {@code agency_id} claim, or {@code null}. */
  String agencyId();

  /** The {@code aud} claim, empty for the provider's default audiences. */
  List<String> audiences();
}
