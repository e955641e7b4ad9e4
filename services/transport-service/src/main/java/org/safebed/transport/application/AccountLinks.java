package org.safebed.transport.application;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safebed.platform.refusal.Refusal;
import org.safebed.transport.domain.DriverAccounts;
import org.safebed.transport.domain.Drivers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Which driver an account is. Everything past the web layer knows a driver by her own account (jobs
 * keep it as their driver, occupancy checks it before disclosing an address); a linked account is
 * turned into it once, when its request comes in, and is never stored anywhere else.
 */
@Service
public class AccountLinks {

  private static final Logger log = LoggerFactory.getLogger(AccountLinks.class);

  private final DriverAccounts accounts;
  private final Drivers drivers;

  public AccountLinks(DriverAccounts accounts, Drivers drivers) {
    this.accounts = accounts;
    this.drivers = drivers;
  }

  /** The driver's own account that this account is: the one it is linked to, or itself. */
  public String driverSubjectOf(String account) {
    return accounts.driverOf(account).orElse(account);
  }

  public List<String> of(String driverSubject) {
    return accounts.linkedTo(driverSubject);
  }

  public Map<String, List<String>> of(Collection<String> driverSubjects) {
    return accounts.linkedTo(driverSubjects);
  }

  /** Refuses (409) a new driver's own account that is already linked to a driver. */
  void requireUnlinked(String ownAccount) {
    if (accounts.driverOf(ownAccount).isPresent()) {
      throw new Refusal.Conflict("This account is linked to another driver");
    }
  }

  /**
   * Refuses (409) links that cannot be: an account that is another driver's own, or already
   * another driver's linked one. Checked before anything is written.
   */
  void requireLinkable(String driverSubject, Collection<String> wanted) {
    for (String account : wanted) {
      if (account.equals(driverSubject)) {
        throw new Refusal.InvalidCommand("A driver's own account cannot be linked to her");
      }
      boolean linkedElsewhere = accounts.driverOf(account).filter(other -> !other.equals(driverSubject)).isPresent();
      if (linkedElsewhere || drivers.findBySubject(account).isPresent()) {
        throw new Refusal.Conflict("An account to link is already another driver's");
      }
    }
  }

  /** Makes exactly {@code wanted} the accounts linked to the driver. */
  void replace(String driverSubject, Collection<String> wanted) {
    Set<String> keep = new LinkedHashSet<>(wanted);
    requireLinkable(driverSubject, keep);
    for (String account : accounts.linkedTo(driverSubject)) {
      if (!keep.contains(account)) {
        accounts.unlink(account, driverSubject);
      }
    }
    for (String account : keep) {
      if (!accounts.link(account, driverSubject)) {
        // another coordinator linked it elsewhere since the check
        throw new Refusal.Conflict("An account to link is already another driver's");
      }
    }
    log.info("Linked accounts of a driver replaced ({} now)", keep.size());
  }
}
