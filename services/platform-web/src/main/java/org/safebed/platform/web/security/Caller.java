package org.safebed.platform.web.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, as the validated token says: the account, its roles and its scope (the shelters a
 * manager runs, the agency of police and housing officers). Ownership checks read this.
 */
public record Caller(String subject, Set<Role> roles, Set<String> shelterIds, String agencyId) {

  public Caller {
    roles = Set.copyOf(roles);
    shelterIds = Set.copyOf(shelterIds);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean managesShelter(String shelterId) {
    return has(Role.SHELTER_MANAGER) && shelterIds.contains(shelterId);
  }

  /** The caller of the current request; fails if the request is not authenticated by a JWT. */
  public static Caller current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof JwtAuthenticationToken token)) {
      throw new IllegalStateException("No authenticated SafeBed caller on this thread");
    }
    return from(token.getToken());
  }

  public static Caller from(Jwt jwt) {
    Set<Role> roles =
        strings(jwt, "roles").stream()
            .map(Caller::knownRole)
            .filter(java.util.Objects::nonNull)
            .collect(Collectors.toUnmodifiableSet());
    return new Caller(
        jwt.getSubject(), roles, Set.copyOf(strings(jwt, "shelter_ids")), jwt.getClaimAsString("agency_id"));
  }

  static List<String> strings(Jwt jwt, String claim) {
    List<String> values = jwt.getClaimAsStringList(claim);
    return values == null ? List.of() : values;
  }

  private static Role knownRole(String name) {
    try {
      return Role.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null; // roles of other systems in a shared IdP mean nothing here
    }
  }
}
