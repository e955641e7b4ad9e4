package org.safebed.referral.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** What this service learnt about residents from placement events; every write is idempotent. */
public interface ResidentRepository {

  Optional<Resident> find(String placementId);

  /** When each of these residents was checked in, as far as known (absent when not known). */
  Map<String, Instant> checkedInAt(Collection<String> placementIds);

  /** Records the check-in unless the placement is known already (a later check-out wins). */
  void recordCheckedIn(String placementId, String region, Instant at);

  /** Records the check-out; repeating it changes nothing. */
  void recordCheckedOut(String placementId, String reason, Instant at);
}
