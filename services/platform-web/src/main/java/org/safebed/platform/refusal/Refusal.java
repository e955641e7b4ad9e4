package org.safebed.platform.refusal;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Why a use case will not do what it was asked, in words every SafeBed service shares; it knows no
 * HTTP, so a service's {@code application/} may throw it. The platform's problem handler answers each
 * kind here as problem+json; a service adds a kind of its own by extending this class (the protected
 * constructor) and answers it in its {@code web/}. The detail reaches the caller as it is: a fixed
 * text naming a rule, a state or a kind of record, never a submitted value, an address, a name or an
 * identity.
 */
public abstract class Refusal extends RuntimeException {

  /** @param detail a fixed text shown to the caller as it is (see the class comment) */
  protected Refusal(String detail) {
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

    /** @param what the kind of record, e.g. "Shelter" */
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

  /**
   * The caller's role may use the operation, but not on this record or for this purpose (a record
   * refused by its owner, no agency to act for). Audited as a denial.
   */
  public static final class NotAllowed extends Refusal {
    public NotAllowed(String detail) {
      super(detail);
    }
  }

  /** The command clashes with what is stored now: an id taken, a record changed meanwhile. */
  public static final class Conflict extends Refusal {
    public Conflict(String detail) {
      super(detail);
    }
  }

  /** The command's parts do not fit together or exceed what one command may do. */
  public static final class InvalidCommand extends Refusal {
    public InvalidCommand(String detail) {
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
