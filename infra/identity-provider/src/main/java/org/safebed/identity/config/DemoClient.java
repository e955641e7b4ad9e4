package org.safebed.identity.config;

import java.util.List;

/**
 * One demo account: a confidential client that gets tokens through the client-credentials grant.
 *
 * @param id the client id, also the token's {@code sub}
 * @param secret its secret in {@code PasswordEncoder} form, or {@code null} for the default
 * @param roles the {@code roles} claim
 * @param shelterIds the {@code shelter_ids} claim (shelter managers), may be empty
 * @param agencyId the {@code agency_id} claim, or {@code null}
 * @param audiences the {@code aud} claim, empty for the default
 */
public record DemoClient(
    String id,
    String secret,
    List<String> roles,
    List<String> shelterIds,
    String agencyId,
    List<String> audiences) implements SafeBedAccount {

  public DemoClient {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("every demo client needs an id");
    }
    roles = roles == null ? List.of() : List.copyOf(roles);
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("demo client " + id + " has no roles");
    }
    shelterIds = shelterIds == null ? List.of() : List.copyOf(shelterIds);
    audiences = audiences == null ? List.of() : List.copyOf(audiences);
  }
}
