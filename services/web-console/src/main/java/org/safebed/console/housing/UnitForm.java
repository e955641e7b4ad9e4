package org.safebed.console.housing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The add-a-unit form as she filled it in. The address goes to the service, which seals it, and
 * is never shown back except in this form while she corrects it.
 */
public record UnitForm(
    String region, Double lat, Double lon, String address, Integer bedrooms, Integer monthlyRent,
    Boolean accessible, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate availableFrom,
    List<String> suitableFor) {

  static final List<String> SUITABILITIES = List.of("YOUNG_ADULT", "WITH_CHILD", "MINOR_WITH_GUARDIAN");
  private static final java.util.regex.Pattern REGION = java.util.regex.Pattern.compile("[a-z][a-z0-9-]{1,39}");

  static UnitForm empty() {
    return new UnitForm(null, null, null, null, null, null, false, null, List.of());
  }

  /** The unit as the API gives it, to change its description (never its address or location). */
  static UnitForm of(org.safebed.console.services.model.RentalUnit unit) {
    return new UnitForm(unit.region(), null, null, null, unit.bedrooms(), unit.monthlyRent(), unit.accessible(),
        unit.availableFrom(), unit.suitableFor());
  }

  /** The fields she must look at again, by name; none when the service may be asked. */
  Set<String> problems() {
    Set<String> problems = problemsOfDescription();
    if (lat == null || lon == null || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
      problems.add("location");
    }
    if (address == null || address.strip().length() < 5 || address.strip().length() > 300) {
      problems.add("address");
    }
    return problems;
  }

  /** As {@link #problems()}, for a change, which leaves the address and location as they are. */
  Set<String> problemsOfDescription() {
    Set<String> problems = new TreeSet<>();
    if (region == null || !REGION.matcher(region.strip()).matches()) {
      problems.add("region");
    }
    if (bedrooms == null || bedrooms < 0 || bedrooms > 10) {
      problems.add("bedrooms");
    }
    if (monthlyRent == null || monthlyRent < 0 || monthlyRent > 100_000) {
      problems.add("monthlyRent");
    }
    if (availableFrom == null) {
      problems.add("availableFrom");
    }
    if (suitableFor == null || suitableFor.isEmpty() || !SUITABILITIES.containsAll(suitableFor)) {
      problems.add("suitableFor");
    }
    return problems;
  }

  public boolean suits(String suitability) {
    return suitableFor != null && suitableFor.contains(suitability);
  }

  Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("region", region.strip());
    body.put("location", Map.of("lat", lat, "lon", lon));
    body.put("address", address.strip());
    body.putAll(change());
    return body;
  }

  /** What {@code updateRentalUnit} takes: the description alone. */
  Map<String, Object> change() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("region", region.strip());
    body.put("bedrooms", bedrooms);
    body.put("monthlyRent", monthlyRent);
    body.put("accessible", Boolean.TRUE.equals(accessible));
    body.put("availableFrom", availableFrom.toString());
    body.put("suitableFor", List.copyOf(new java.util.LinkedHashSet<>(suitableFor)));
    return body;
  }
}
