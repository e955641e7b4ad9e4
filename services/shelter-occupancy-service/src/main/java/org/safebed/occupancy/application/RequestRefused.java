package org.safebed.occupancy.application;

import java.time.Duration;
import org.safebed.platform.refusal.Refusal;

/**
 * The refusals of a placement request that only occupancy has, beside the platform's common ones;
 * {@code web/} gives each its status. The detail is a fixed text, never a submitted value, an
 * address, a name or an identity.
 */
public abstract sealed class RequestRefused extends Refusal {

  private RequestRefused(String detail) {
    super(detail);
  }

  /** The requester already has as many open placements as she may. */
  public static final class TooManyHolds extends RequestRefused {
    public TooManyHolds(String detail) {
      super(detail);
    }
  }

  /** An idempotency key used again for a different request. */
  public static final class KeyReused extends RequestRefused {
    public KeyReused(String detail) {
      super(detail);
    }
  }

  /** The account requested and cancelled too often; it may ask again after {@link #retryAfter}. */
  public static final class TooMuchChurn extends RequestRefused {

    private final Duration retryAfter;

    public TooMuchChurn(String detail, Duration retryAfter) {
      super(detail);
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
      return retryAfter;
    }
  }
}
