package org.safebed.platform.web.notifications;

import java.util.LinkedHashSet;
import java.util.Set;
import org.safebed.platform.web.security.Caller;
import org.safebed.platform.web.security.Role;

/**
 * Who a notification is for, as keys a caller's token can match: her account, one of her roles, a
 * shelter she manages, her agency in her role. Resolved from the token when she reads, so a
 * notification for "the managers of shelter S" reaches whoever manages S then.
 */
public final class Audience {

  private final Set<String> keys = new LinkedHashSet<>();

  private Audience() {}

  public static Audience of() {
    return new Audience();
  }

  /** One account (the police officer who asked, the driver offered a job). Null adds nobody. */
  public Audience account(String subject) {
    if (subject != null) {
      keys.add("account:" + subject);
    }
    return this;
  }

  /** Everyone with a role (coordinators). */
  public Audience role(Role role) {
    keys.add("role:" + role.name());
    return this;
  }

  /** Whoever manages the shelter. */
  public Audience managersOf(String shelterId) {
    keys.add("shelter:" + shelterId);
    return this;
  }

  /** Everyone of an agency who has the role (the agency's housing officers). */
  public Audience agency(Role role, String agencyId) {
    keys.add("agency:" + role.name() + ":" + agencyId);
    return this;
  }

  public Set<String> keys() {
    return Set.copyOf(keys);
  }

  /** The keys a caller is reached by. */
  public static Set<String> keysOf(Caller caller) {
    Audience audience = of().account(caller.subject());
    for (Role role : caller.roles()) {
      audience.role(role);
      if (caller.agencyId() != null) {
        audience.agency(role, caller.agencyId());
      }
    }
    if (caller.has(Role.SHELTER_MANAGER)) {
      caller.shelterIds().forEach(audience::managersOf);
    }
    return audience.keys();
  }
}
