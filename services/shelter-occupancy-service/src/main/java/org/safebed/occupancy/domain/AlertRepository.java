package org.safebed.occupancy.domain;

import java.util.List;

public interface AlertRepository {

  /** Stores the alert unless one with its id exists (idempotent). */
  void raise(Alert alert);

  List<Alert> findFor(String requestedBy, int limit);

  List<Alert> findAll(int limit);
}
