package org.safebed.console.services.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;

/** A unit of her agency as the API gives it: never its address or exact location. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RentalUnit(
    String id, String region, int bedrooms, int monthlyRent, boolean accessible, LocalDate availableFrom,
    List<String> suitableFor, String status, String referralId) {

  public RentalUnit {
    suitableFor = suitableFor == null ? List.of() : List.copyOf(suitableFor);
  }

  /** Offered or let: the service refuses to withdraw it. */
  public boolean inUse() {
    return "RESERVED".equals(status) || "LET".equals(status);
  }

  public boolean withdrawn() {
    return "WITHDRAWN".equals(status);
  }
}
