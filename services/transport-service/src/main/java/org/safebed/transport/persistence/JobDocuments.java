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
    TransportJob.Draft job = new TransportJob.Draft();
    job.id = d.getString("_id");
    job.kind = JobKind.valueOf(d.getString("kind"));
    job.placementId = d.getString("placementId");
    job.shelterId = d.getString("shelterId");
    job.region = d.getString("region");
    job.escort = escort(d);
    job.pickupArea = point(d.get("pickupArea", Document.class));
    job.destinationArea = point(d.get("destinationArea", Document.class));
    job.holdExpiresAt = instant(d.getDate("holdExpiresAt"));
    job.referralId = d.getString("referralId");
    job.dueAt = instant(d.getDate("dueAt"));
    job.heldEventId = d.getString("heldEventId");
    job.heldAt = instant(d.getDate("heldAt"));
    job.status = JobStatus.valueOf(d.getString("status"));
    job.driverId = d.getString("driverId");
    job.driverSubject = d.getString("driverSubject");
    job.eta = eta(d);
    job.offerExpiresAt = instant(d.getDate("offerExpiresAt"));
    job.deliveredAt = instant(d.getDate("deliveredAt"));
    String reason = d.getString("unassignedReason");
    job.unassignedReason = reason == null ? null : UnassignedReason.valueOf(reason);
    job.excludedDriverIds = new LinkedHashSet<>(d.getList("excludedDriverIds", String.class, List.of()));
    job.endedAt = instant(d.getDate("endedAt"));
    job.successorId = d.getString("successorId");
    job.createdAt = instant(d.getDate("createdAt"));
    job.updatedAt = instant(d.getDate("updatedAt"));
    Number version = d.get("version", Number.class);
    job.version = version == null ? 0 : version.longValue();
    return job.build();
  }

  private static EscortNeeds escort(Document d) {
    String escortGender = d.getString("escortGender");
    return new EscortNeeds(
        Boolean.TRUE.equals(d.getBoolean("minor")),
        escortGender == null ? null : Gender.valueOf(escortGender),
        new LinkedHashSet<>(d.getList("languages", String.class, List.of())));
  }

  private static TravelTime eta(Document d) {
    Integer minutes = d.getInteger("etaMinutes");
    String source = d.getString("etaSource");
    return minutes == null || source == null ? null : new TravelTime(minutes, EtaSource.valueOf(source));
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
