package org.safebed.identity.config;

import java.util.List;

/**
 * One demo person who signs in to the web console with a user name and password. Their tokens
 * carry the same claims as a demo client's, with the user name as {@code sub} and the default
 * audiences.
 *
 * @param username the sign-in name, also the token's {@code sub}
 * @param password in {@code PasswordEncoder} form, or {@code null} for the console's default
 * @param roles the {@code roles} claim
 * @param shelterIds the {@code shelter_ids} claim (shelter managers), may be empty
 * @param agencyId the {@code agency_id} claim, or {@code null}
 */
public record DemoUser(
    String username, String password, List<String> roles, List<String> shelterIds, String agencyId)
    implements SafeBedAccount {

  public DemoUser {
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("every demo user needs a username");
    }
    roles = roles == null ? List.of() : List.copyOf(roles);
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("demo user " + username + " has no roles");
    }
    shelterIds = shelterIds == null ? List.of() : List.copyOf(shelterIds);
  }

  @Override
  public List<String> audiences() {
    return List.of();
  }
}
