package org.safebed.console.web;

import java.util.Set;
import java.util.stream.Collectors;
import org.safebed.platform.web.security.Caller;
import org.safebed.platform.web.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is signed in, as the pages show her: the account name her provider gives ({@code
 * preferred_username}, else the subject) and her roles. Never a real name: none is in the token.
 */
public record Person(String name, Set<Role> roles) {

  public static Person current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof JwtAuthenticationToken token)) {
      return new Person("", Set.of());
    }
    Caller caller = Caller.from(token.getToken());
    String name = token.getToken().getClaimAsString("preferred_username");
    return new Person(name == null || name.isBlank() ? caller.subject() : name, caller.roles());
  }

  /** Whether any of her roles gets notifications (every person's role does; a service account's does not). */
  public boolean hasNotifications() {
    return roles.stream().anyMatch(role -> role != Role.SERVICE);
  }

  public boolean is(Role role) {
    return roles.contains(role);
  }

  /** For the header: "POLICE, DRIVER" style codes are turned into words by the page. */
  public Set<String> roleNames() {
    return roles.stream().map(Role::name).collect(Collectors.toCollection(java.util.TreeSet::new));
  }
}
