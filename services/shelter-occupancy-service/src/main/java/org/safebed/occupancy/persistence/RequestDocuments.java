package org.safebed.occupancy.persistence;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.safebed.occupancy.domain.EscortGender;
import org.safebed.occupancy.domain.ExclusionZone;
import org.safebed.occupancy.domain.Gender;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.domain.Need;
import org.safebed.occupancy.domain.Person;
import org.safebed.occupancy.domain.PlacementRequest;
import org.safebed.occupancy.domain.Specialism;
import org.safebed.occupancy.domain.Urgency;
import org.safebed.platform.web.sealing.FieldSealer;
import org.springframework.stereotype.Component;

/**
 * Maps a placement's request to and from its sub-document. Where she is and where she must not go
 * (her home area, where her exploiters operate) are sealed, bound to the placement's id, so a
 * database dump shows neither; they are opened only into the in-memory request that matching,
 * the waitlist, relocation and hold extension work on. Zones are always sealed, none included, so
 * a dump does not even tell which requests have them.
 */
@Component
public class RequestDocuments {

  /** Stored paths and sealing labels (the rotation of the sealing key needs both). */
  public static final String SEALED_LOCATION = "request.sealedLocation";
  public static final String SEALED_EXCLUSION_ZONES = "request.sealedExclusionZones";
  public static final String LOCATION_LABEL = "pickUpLocation";
  public static final String EXCLUSION_ZONES_LABEL = "exclusionZones";

  private static final String LOCATION = field(SEALED_LOCATION);
  private static final String EXCLUSION_ZONES = field(SEALED_EXCLUSION_ZONES);

  private final FieldSealer sealer;

  RequestDocuments(FieldSealer sealer) {
    this.sealer = sealer;
  }

  Document toDocument(String placementId, PlacementRequest r) {
    Document document = new Document("ageYears", r.person().ageYears())
        .append("gender", r.person().gender().name())
        .append("needs", r.needs().stream().map(Enum::name).sorted().toList())
        .append(LOCATION, sealLocation(placementId, r.location()))
        .append(EXCLUSION_ZONES, sealZones(placementId, r.exclusionZones()))
        .append("specialisms", r.specialisms().stream().map(Enum::name).sorted().toList())
        .append("languages", r.languages().stream().sorted().toList())
        // Keyed hashes of case references only: never a reference in clear.
        .append("keepApart", r.keepApart().stream().sorted().toList())
        .append("urgency", r.urgency().name());
    if (r.maxTravelMinutes() != null) {
      document.append("maxTravelMinutes", r.maxTravelMinutes());
    }
    // Not sensitive (a preference about the driver, like her languages): stored plainly.
    if (r.escortGender() != null) {
      document.append("escortGender", r.escortGender().name());
    }
    return document;
  }

  PlacementRequest fromDocument(String placementId, Document d) {
    String urgency = d.getString("urgency");
    String escortGender = d.getString("escortGender");
    return new PlacementRequest(
        new Person(d.getInteger("ageYears"), Gender.valueOf(d.getString("gender"))),
        Set.copyOf(d.getList("needs", String.class, List.of()).stream().map(Need::valueOf).toList()),
        d.containsKey(LOCATION) ? openLocation(placementId, d.getString(LOCATION)) : ClearRequests.location(d),
        d.containsKey(EXCLUSION_ZONES) ? openZones(placementId, d.getString(EXCLUSION_ZONES)) : ClearRequests.zones(d),
        Set.copyOf(d.getList("specialisms", String.class, List.of()).stream().map(Specialism::valueOf).toList()),
        Set.copyOf(d.getList("languages", String.class, List.of())),
        Set.copyOf(d.getList("keepApart", String.class, List.of())),
        d.getInteger("maxTravelMinutes"),
        urgency == null ? Urgency.NORMAL : Urgency.valueOf(urgency),
        escortGender == null ? null : EscortGender.valueOf(escortGender));
  }

  String sealLocation(String placementId, GeoPoint location) {
    return sealer.seal(text(location), placementId, LOCATION_LABEL);
  }

  /** As {@code lat,lon,radiusKm;...}: {@link Double#toString} reads back to the very same double. */
  String sealZones(String placementId, List<ExclusionZone> zones) {
    String plain = zones.stream().map(z -> text(z.centre()) + "," + z.radiusKm()).collect(Collectors.joining(";"));
    return sealer.seal(plain, placementId, EXCLUSION_ZONES_LABEL);
  }

  private GeoPoint openLocation(String placementId, String sealed) {
    double[] n = numbers(sealer.unseal(sealed, placementId, LOCATION_LABEL));
    return new GeoPoint(n[0], n[1]);
  }

  private List<ExclusionZone> openZones(String placementId, String sealed) {
    String plain = sealer.unseal(sealed, placementId, EXCLUSION_ZONES_LABEL);
    return plain.isEmpty() ? List.of() : Arrays.stream(plain.split(";"))
        .map(RequestDocuments::numbers)
        .map(n -> new ExclusionZone(new GeoPoint(n[0], n[1]), n[2]))
        .toList();
  }

  private static String text(GeoPoint point) {
    return point.lat() + "," + point.lon();
  }

  private static double[] numbers(String csv) {
    return Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
  }

  private static String field(String path) {
    return path.substring(path.indexOf('.') + 1);
  }
}
