package org.safebed.occupancy.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.safebed.occupancy.domain.BedHold;
import org.safebed.occupancy.domain.CheckOutReason;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementStatus;
import org.safebed.occupancy.domain.TransportProgress;
import org.safebed.occupancy.domain.TransportStatus;
import org.springframework.stereotype.Component;

/**
 * Maps placements to and from their Mongo documents. The police case reference arrives sealed
 * already; the request's location and exclusion zones are sealed here ({@link RequestDocuments}).
 */
@Component
public class PlacementDocuments {

  /** Stored path of the sealed police case reference (the rotation of the sealing key needs it). */
  public static final String SEALED_CASE_REF = "sealedCaseRef";

  private final RequestDocuments requests;

  PlacementDocuments(RequestDocuments requests) {
    this.requests = requests;
  }

  Document toDocument(Placement p) {
    Document document = new Document("_id", p.id())
        .append("requestedBy", p.requestedBy())
        .append("requesterAgency", p.requesterAgency())
        .append("idempotencyKey", p.idempotencyKey())
        .append("requestFingerprint", p.requestFingerprint())
        .append(SEALED_CASE_REF, p.sealedCaseRef())
        .append("caseToken", p.caseToken())
        .append("request", requests.toDocument(p.id(), p.request()))
        // Stored so the database can sort the waitlist: most urgent first.
        .append("urgencyRank", p.urgency().rank())
        .append("relocatedFrom", p.relocatedFrom())
        .append("createdAt", date(p.createdAt()))
        .append("version", p.version());
    mutableFields(p).forEach(document::append);
    return document;
  }

  /** The fields a transition may change (everything but identity and the request). */
  static Map<String, Object> mutableFields(Placement p) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("status", p.status().name());
    fields.put("hold", p.hold() == null ? null : hold(p.hold()));
    fields.put("transport", transport(p.transport()));
    fields.put("moveTransport", transport(p.moveTransport()));
    fields.put("checkOutReason", p.checkOutReason() == null ? null : p.checkOutReason().name());
    fields.put("initialOutcome", p.initialOutcome() == null ? null : p.initialOutcome().name());
    fields.put("relocatedTo", p.relocatedTo());
    fields.put("firstHeldAt", date(p.firstHeldAt()));
    fields.put("checkedInAt", date(p.checkedInAt()));
    fields.put("firstAssignedAt", date(p.firstAssignedAt()));
    fields.put("missingSince", date(p.missingSince()));
    fields.put("bedKeptUntil", date(p.bedKeptUntil()));
    fields.put("escalatedAt", date(p.escalatedAt()));
    fields.put("matchReasons", p.matchReasons());
    fields.put("updatedAt", date(p.updatedAt()));
    return fields;
  }

  Placement fromDocument(Document d) {
    String id = d.getString("_id");
    return new Placement(
        id,
        PlacementStatus.valueOf(d.getString("status")),
        d.getString("requestedBy"),
        d.getString("requesterAgency"),
        requests.fromDocument(id, d.get("request", Document.class)),
        d.getString(SEALED_CASE_REF),
        d.getString("caseToken"),
        d.getString("idempotencyKey"),
        d.getString("requestFingerprint"),
        hold(d.get("hold", Document.class)),
        transport(d.get("transport", Document.class)),
        transport(d.get("moveTransport", Document.class)),
        d.getString("checkOutReason") == null ? null : CheckOutReason.valueOf(d.getString("checkOutReason")),
        d.getString("initialOutcome") == null ? null : PlacementStatus.valueOf(d.getString("initialOutcome")),
        d.getString("relocatedFrom"),
        d.getString("relocatedTo"),
        instant(d.getDate("firstHeldAt")),
        instant(d.getDate("checkedInAt")),
        instant(d.getDate("firstAssignedAt")),
        instant(d.getDate("missingSince")),
        instant(d.getDate("bedKeptUntil")),
        instant(d.getDate("escalatedAt")),
        d.getList("matchReasons", String.class, List.of()),
        instant(d.getDate("createdAt")),
        instant(d.getDate("updatedAt")),
        ((Number) d.get("version")).longValue());
  }

  private static Document hold(BedHold h) {
    return new Document("shelterId", h.shelterId())
        .append("shelterCodeName", h.shelterCodeName())
        .append("region", h.region())
        .append("bedId", h.bedId())
        .append("expiresAt", date(h.expiresAt()))
        .append("originalExpiresAt", date(h.originalExpiresAt()));
  }

  private static BedHold hold(Document d) {
    return d == null ? null : new BedHold(d.getString("shelterId"), d.getString("shelterCodeName"),
        d.getString("region"), d.getString("bedId"), instant(d.getDate("expiresAt")),
        instant(d.getDate("originalExpiresAt")));
  }

  private static Document transport(TransportProgress t) {
    return new Document("status", t.status().name())
        .append("jobId", t.jobId())
        .append("driverId", t.driverId())
        .append("etaMinutes", t.etaMinutes())
        .append("statusAt", date(t.statusAt()))
        .append("driverAt", date(t.driverAt()));
  }

  private static TransportProgress transport(Document d) {
    if (d == null) {
      return TransportProgress.NONE;
    }
    return new TransportProgress(TransportStatus.valueOf(d.getString("status")), d.getString("jobId"),
        d.getString("driverId"), d.getInteger("etaMinutes"), instant(d.getDate("statusAt")),
        instant(d.getDate("driverAt")));
  }

  private static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
