package org.safebed.platform.web.security;

/** The roles a SafeBed token can carry in its {@code roles} claim. */
public enum Role {
  POLICE,
  SHELTER_MANAGER,
  HOUSING_OFFICER,
  DRIVER,
  COORDINATOR,
  /** Another SafeBed service calling with its own client credentials. */
  SERVICE;

  /** The Spring Security authority for this role, as used in {@code hasRole(...)}. */
  public String authority() {
    return "ROLE_" + name();
  }
}
