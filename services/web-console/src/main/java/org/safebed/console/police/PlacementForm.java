package org.safebed.console.police;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The police's request form, field by field, and the placement request it becomes. The
 * idempotency key is made when the form is shown and travels with it, so sending the same form
 * again (a lost connection, a second tap) answers the same placement instead of a second one.
 */
public class PlacementForm {

  static final String CASE_REFERENCE = "^[A-Za-z0-9][A-Za-z0-9/_.-]{0,63}$";

  @NotNull
  private UUID idempotencyKey;

  @NotBlank(message = "{form.case-ref.required}")
  @Pattern(regexp = CASE_REFERENCE, message = "{form.case-ref.invalid}")
  private String caseRef;

  @NotNull(message = "{form.location.required}")
  @DecimalMin(value = "-90", message = "{form.location.invalid}")
  @DecimalMax(value = "90", message = "{form.location.invalid}")
  private Double lat;

  @NotNull(message = "{form.location.required}")
  @DecimalMin(value = "-180", message = "{form.location.invalid}")
  @DecimalMax(value = "180", message = "{form.location.invalid}")
  private Double lon;

  @NotNull(message = "{form.age.required}")
  @Min(value = 0, message = "{form.age.invalid}")
  @Max(value = 25, message = "{form.age.invalid}")
  private Integer ageYears;

  @NotBlank(message = "{form.gender.required}")
  @Pattern(regexp = "FEMALE|MALE|NON_BINARY", message = "{form.gender.required}")
  private String gender;

  private List<@Pattern(regexp = "ACCOMPANYING_CHILD|WHEELCHAIR_ACCESS|ADDICTION_SUPPORT|MENTAL_HEALTH_SUPPORT|PREGNANCY_SUPPORT") String> needs = new ArrayList<>();

  @DecimalMin(value = "-90", message = "{form.zone.invalid}")
  @DecimalMax(value = "90", message = "{form.zone.invalid}")
  private Double zoneLat;

  @DecimalMin(value = "-180", message = "{form.zone.invalid}")
  @DecimalMax(value = "180", message = "{form.zone.invalid}")
  private Double zoneLon;

  @DecimalMin(value = "0.1", message = "{form.zone.invalid}")
  @DecimalMax(value = "500", message = "{form.zone.invalid}")
  private Double zoneRadiusKm;

  /** Ids of the deployment's known places to keep her away from. */
  @Size(max = 15, message = "{form.invalid}")
  private List<@Pattern(regexp = "^[a-z0-9-]{1,40}$", message = "{form.invalid}") String> knownPlaces = new ArrayList<>();

  /** How far from where she was found to keep her (km), or none: often where she was exploited. */
  @Pattern(regexp = "^$|5|10|25|50", message = "{form.invalid}")
  private String avoidFoundKm = "";

  @Pattern(regexp = "^[A-Za-z0-9/_.,\\s-]{0,1400}$", message = "{form.keep-apart.invalid}")
  private String keepApart = "";

  @Pattern(regexp = "NORMAL|HIGH", message = "{form.invalid}")
  private String urgency = "NORMAL";

  @Pattern(regexp = "^$|FEMALE|MALE", message = "{form.invalid}")
  private String escortGender = "";

  public static PlacementForm fresh() {
    PlacementForm form = new PlacementForm();
    form.idempotencyKey = UUID.randomUUID();
    return form;
  }

  /** The keep-apart references she typed, one per line or separated by commas. */
  List<String> keepApartReferences() {
    return keepApart == null ? List.of() : java.util.Arrays.stream(keepApart.split("[,\\s]+"))
        .map(String::strip).filter(reference -> !reference.isEmpty()).distinct().toList();
  }

  /** Both or neither: half a zone is a mistake, not "no zone". */
  boolean zoneHalfFilled() {
    int given = (zoneLat != null ? 1 : 0) + (zoneLon != null ? 1 : 0) + (zoneRadiusKm != null ? 1 : 0);
    return given != 0 && given != 3;
  }

  boolean keepApartValid() {
    return keepApartReferences().size() <= 20
        && keepApartReferences().stream().allMatch(reference -> reference.matches(CASE_REFERENCE));
  }

  /** The request body of {@code POST /api/placements}, the known places' zones taken from them. */
  Map<String, Object> toRequest(KnownPlaces known) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("policeCaseRef", caseRef.strip());
    request.put("person", Map.of("ageYears", ageYears, "gender", gender));
    request.put("location", Map.of("lat", lat, "lon", lon));
    if (!needs.isEmpty()) {
      request.put("needs", needs.stream().distinct().toList());
    }
    List<Map<String, Object>> zones = new ArrayList<>();
    if (zoneLat != null && zoneLon != null && zoneRadiusKm != null) {
      zones.add(Map.of("lat", zoneLat, "lon", zoneLon, "radiusKm", zoneRadiusKm));
    }
    if (avoidFoundKm != null && !avoidFoundKm.isBlank()) {
      zones.add(Map.of("lat", lat, "lon", lon, "radiusKm", Double.parseDouble(avoidFoundKm)));
    }
    knownPlaces.stream().distinct().map(known::find).flatMap(Optional::stream)
        .map(KnownPlaces.Place::zone).forEach(zones::add);
    if (!zones.isEmpty()) {
      request.put("exclusionZones", zones);
    }
    if (!keepApartReferences().isEmpty()) {
      request.put("keepApartFrom", keepApartReferences());
    }
    request.put("urgency", urgency);
    if (escortGender != null && !escortGender.isBlank()) {
      request.put("escortGender", escortGender);
    }
    return request;
  }

  public UUID getIdempotencyKey() { return idempotencyKey; }
  public void setIdempotencyKey(UUID idempotencyKey) { this.idempotencyKey = idempotencyKey; }
  public String getCaseRef() { return caseRef; }
  public void setCaseRef(String caseRef) { this.caseRef = caseRef; }
  public Double getLat() { return lat; }
  public void setLat(Double lat) { this.lat = lat; }
  public Double getLon() { return lon; }
  public void setLon(Double lon) { this.lon = lon; }
  public Integer getAgeYears() { return ageYears; }
  public void setAgeYears(Integer ageYears) { this.ageYears = ageYears; }
  public String getGender() { return gender; }
  public void setGender(String gender) { this.gender = gender; }
  public List<String> getNeeds() { return needs; }
  public void setNeeds(List<String> needs) { this.needs = needs == null ? new ArrayList<>() : needs; }
  public Double getZoneLat() { return zoneLat; }
  public void setZoneLat(Double zoneLat) { this.zoneLat = zoneLat; }
  public Double getZoneLon() { return zoneLon; }
  public void setZoneLon(Double zoneLon) { this.zoneLon = zoneLon; }
  public Double getZoneRadiusKm() { return zoneRadiusKm; }
  public void setZoneRadiusKm(Double zoneRadiusKm) { this.zoneRadiusKm = zoneRadiusKm; }
  public List<String> getKnownPlaces() { return knownPlaces; }
  public void setKnownPlaces(List<String> knownPlaces) { this.knownPlaces = knownPlaces == null ? new ArrayList<>() : knownPlaces; }
  public String getAvoidFoundKm() { return avoidFoundKm; }
  public void setAvoidFoundKm(String avoidFoundKm) { this.avoidFoundKm = avoidFoundKm == null ? "" : avoidFoundKm; }
  public String getKeepApart() { return keepApart; }
  public void setKeepApart(String keepApart) { this.keepApart = keepApart; }
  public String getUrgency() { return urgency; }
  public void setUrgency(String urgency) { this.urgency = urgency; }
  public String getEscortGender() { return escortGender; }
  public void setEscortGender(String escortGender) { this.escortGender = escortGender; }
}
