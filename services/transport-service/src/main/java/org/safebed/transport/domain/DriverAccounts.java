package org.safebed.transport.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Further accounts that are a driver: a person's own sign-in next to the driver's service account.
 * A driver is known everywhere by her own account ({@link Driver#accountSubject()}); an account
 * linked here stands for it, and belongs to one driver only.
 */
public interface DriverAccounts {

  /** The own account of the driver this account is linked to, if it is linked. */
  Optional<String> driverOf(String account);

  /** The accounts linked to the driver whose own account is {@code driverSubject}. */
  List<String> linkedTo(String driverSubject);

  /** The linked accounts of each of these drivers (by their own accounts); drivers without any are absent. */
  Map<String, List<String>> linkedTo(Collection<String> driverSubjects);

  /** Links the account to the driver; false if it is already linked to another driver. */
  boolean link(String account, String driverSubject);

  /** Unlinks the account if (and only if) it is linked to this driver. */
  void unlink(String account, String driverSubject);
}
