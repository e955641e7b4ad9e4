package org.safebed.occupancy.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import java.util.List;
import org.bson.Document;
import org.safebed.occupancy.domain.ExclusionZone;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.domain.PlacementRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Placements stored before their pick-up location and exclusion zones were sealed hold them in
 * clear. Each is sealed at start-up, before the service takes requests or events, by one update
 * conditional on the clear values still being there (so instances starting together do it once). A placement an
 * instance still running the older code writes meanwhile is read as it is, and sealed at the next
 * start.
 */
@Component
class ClearRequests {

  private static final Logger log = LoggerFactory.getLogger(ClearRequests.class);
  private static final String LOCATION = "request.location";
  private static final String EXCLUSION_ZONES = "request.exclusionZones";

  private final MongoTemplate mongo;
  private final RequestDocuments requests;

  ClearRequests(MongoTemplate mongo, RequestDocuments requests) {
    this.mongo = mongo;
    this.requests = requests;
  }

  @PostConstruct
  void seal() {
    int sealed = 0;
    for (Document clear : placements().find(exists(LOCATION)).projection(Projections.include("request"))) {
      String id = clear.getString("_id");
      PlacementRequest request = requests.fromDocument(id, clear.get("request", Document.class));
      sealed += (int) placements().updateOne(and(eq("_id", id), exists(LOCATION)), Updates.combine(
              Updates.set(RequestDocuments.SEALED_LOCATION, requests.sealLocation(id, request.location())),
              Updates.set(RequestDocuments.SEALED_EXCLUSION_ZONES, requests.sealZones(id, request.exclusionZones())),
              Updates.unset(LOCATION),
              Updates.unset(EXCLUSION_ZONES)))
          .getModifiedCount();
    }
    if (sealed > 0) {
      log.info("Sealed the pick-up location and exclusion zones of {} placements stored in clear", sealed);
    }
  }

  static GeoPoint location(Document request) {
    return point(request.get("location", Document.class));
  }

  static List<ExclusionZone> zones(Document request) {
    return request.getList("exclusionZones", Document.class, List.of()).stream()
        .map(z -> new ExclusionZone(point(z), z.getDouble("radiusKm")))
        .toList();
  }

  private static GeoPoint point(Document d) {
    return new GeoPoint(d.getDouble("lat"), d.getDouble("lon"));
  }

  private MongoCollection<Document> placements() {
    return mongo.getCollection(MongoPlacements.COLLECTION);
  }
}
