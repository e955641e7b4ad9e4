package org.safebed.transport.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import org.bson.Document;
import org.safebed.transport.domain.EscortNeeds;
import org.safebed.transport.domain.EtaSource;
import org.safebed.transport.domain.Gender;
import org.safebed.transport.domain.GeoPoint;
import org.safebed.transport.domain.JobKind;
import org.safebed.transport.domain.JobStatus;
import org.safebed.transport.domain.TransportJob;
import org.safebed.transport.domain.TravelTime;
import org.safebed.transport.domain.UnassignedReason;

/**
 * How a job is stored. Written field by field (not by reflection) so that every field a transition
 * may clear is explicitly set to null, and nothing else (never an address) can slip in.
 */
final class JobDocuments {

  static final String COLLECTION = "transport_jobs";

  private JobDocuments() {}

  /** Every field except the id, the version and the outbox. */
  static Document state(TransportJob job) {
    return new Document()
        .append("kind", job.kind().name())
        .append("placementId", job.placementId())
        .append("shelterId", job.shelterId())
        .append("region", job.region())
        .append("minor", job.minor())
        .append("escortGender", job.escort().escortGender() == null ? null : job.escort().escortGender().name())
        .append("languages", List.copyOf(job.escort().languages()))
        .append("pickupArea", point(job.pickupArea()))
        .append("destinationArea", point(job.destinationArea()))
        .append("holdExpiresAt", date(job.holdExpiresAt()))
        .append("referralId", job.referralId())
        .append("dueAt", date(job.dueAt()))
        .append("heldEventId", job.heldEventId())
        .append("heldAt", date(job.heldAt()))
        .append("status", job.status().name())
        .append("driverId", job.driverId())
        .append("driverSubject", job.driverSubject())
        .append("etaMinutes", job.eta() == null ? null : job.eta().minutes())
        .append("etaSource", job.eta() == null ? null : job.eta().source().name())
        .append("offerExpiresAt", date(job.offerExpiresAt()))
        .append("deliveredAt", date(job.deliveredAt()))
        .append("unassignedReason", job.unassignedReason() == null ? null : job.unassignedReason().name())
        .append("excludedDriverIds", List.copyOf(job.excludedDriverIds()))
        .append("endedAt", date(job.endedAt()))
        .append("successorId", job.successorId())
        .append("createdAt", date(job.createdAt()))
        .append("updatedAt", date(job.updatedAt()));
  }

  static TransportJob job(Document d) {
    Integer etaMinutes = d.getInteger("etaMinutes");
    String etaSource = d.getString("etaSource");
    String reason = d.getString("unassignedReason");
    String escortGender = d.getString("escortGender");
    Number version = d.get("version", Number.class);
    return new TransportJob(
        d.getString("_id"),
        JobKind.valueOf(d.getString("kind")),
        d.getString("placementId"),
        d.getString("shelterId"),
        d.getString("region"),
        new EscortNeeds(
            Boolean.TRUE.equals(d.getBoolean("minor")),
            escortGender == null ? null : Gender.valueOf(escortGender),
            new LinkedHashSet<>(d.getList("languages", String.class, List.of()))),
        point(d.get("pickupArea", Document.class)),
        point(d.get("destinationArea", Document.class)),
        instant(d.getDate("holdExpiresAt")),
        d.getString("referralId"),
        instant(d.getDate("dueAt")),
        d.getString("heldEventId"),
        instant(d.getDate("heldAt")),
        JobStatus.valueOf(d.getString("status")),
        d.getString("driverId"),
        d.getString("driverSubject"),
        etaMinutes == null || etaSource == null ? null : new TravelTime(etaMinutes, EtaSource.valueOf(etaSource)),
        instant(d.getDate("offerExpiresAt")),
        instant(d.getDate("deliveredAt")),
        reason == null ? null : UnassignedReason.valueOf(reason),
        new LinkedHashSet<>(d.getList("excludedDriverIds", String.class, List.of())),
        instant(d.getDate("endedAt")),
        d.getString("successorId"),
        instant(d.getDate("createdAt")),
        instant(d.getDate("updatedAt")),
        version == null ? 0 : version.longValue());
  }

  static Document point(GeoPoint point) {
    return point == null ? null : new Document("lat", point.lat()).append("lon", point.lon());
  }

  static GeoPoint point(Document d) {
    return d == null ? null : new GeoPoint(d.getDouble("lat"), d.getDouble("lon"));
  }

  static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
