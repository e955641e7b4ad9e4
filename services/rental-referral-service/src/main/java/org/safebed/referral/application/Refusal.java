package org.safebed.referral.application;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Why a use case will not do what it was asked, in the service's words; {@code web/} answers each
 * kind as problem+json, beside the domain's own refusals ({@code InvalidTransitionException},
 * {@code ActiveReferralExistsException}, {@code RuleViolationException}). The detail reaches the
 * caller as it is: a fixed text naming a rule, a state or a kind of record, never a submitted value,
 * an address, a name or an identity.
 */
public abstract sealed class Refusal extends RuntimeException {

  private Refusal(String detail) {
    super(detail, null, false, false);
  }

  /**
   * The record if there is one and the caller may see it. Unknown and foreign records are both not
   * found, so ids cannot be probed; only the foreign one is a denial for the audit trail.
   */
  public static <T> T visibleOrNotFound(Optional<T> record, Predicate<? super T> visible, String what) {
    T found = record.orElseThrow(() -> new NotFound(what));
    if (!visible.test(found)) {
      throw NotFound.foreign(what);
    }
    return found;
  }

  /** No such record; or ({@link #foreign}) one the caller may not learn exists. */
  public static final class NotFound extends Refusal {

    private final String what;
    private final boolean foreign;

    /** @param what the kind of record, e.g. "Referral" */
    public NotFound(String what) {
      this(what, false);
    }

    private NotFound(String what, boolean foreign) {
      super(what + " not found");
      this.what = what;
      this.foreign = foreign;
    }

    /** A record that exists but is someone else's: answered alike, audited as a denial. */
    public static NotFound foreign(String what) {
      return new NotFound(what, true);
    }

    public String what() {
      return what;
    }

    public boolean foreign() {
      return foreign;
    }
  }

  /** The caller may not have this: no agency to act for, or no move due to this destination. */
  public static final class NotAllowed extends Refusal {
    public NotAllowed(String detail) {
      super(detail);
    }
  }

  /** The command clashes with what is stored now: a unit taken, a resident not checked in. */
  public static final class Conflict extends Refusal {
    public Conflict(String detail) {
      super(detail);
    }
  }

  /** A service this one asks on the caller's behalf cannot answer now; she may try again shortly. */
  public static final class Unavailable extends Refusal {
    public Unavailable(String detail) {
      super(detail);
    }
  }
}
