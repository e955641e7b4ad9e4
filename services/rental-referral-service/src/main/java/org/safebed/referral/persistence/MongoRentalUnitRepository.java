package org.safebed.referral.persistence;

import static com.mongodb.client.model.Filters.all;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static org.safebed.referral.persistence.BsonValues.date;
import static org.safebed.referral.persistence.BsonValues.day;
import static org.safebed.referral.persistence.BsonValues.instant;
import static org.safebed.referral.persistence.BsonValues.localDate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.safebed.platform.web.sealing.FieldSealer;
import org.safebed.referral.domain.GeoPoint;
import org.safebed.referral.domain.RentalUnit;
import org.safebed.referral.domain.RentalUnitRepository;
import org.safebed.referral.domain.Suitability;
import org.safebed.referral.domain.UnitStatus;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Rental unit documents; location and address are sealed and never read by the plain queries. */
@Repository
public class MongoRentalUnitRepository implements RentalUnitRepository {

  static final String TENANT_CASE_TOKEN = "tenantCaseToken";
  private static final Bson WITHOUT_SEALED =
      Projections.exclude(SealedSafety.LOCATION, SealedSafety.ADDRESS);

  private final MongoTemplate mongo;
  private final SealedSafety sealed;

  public MongoRentalUnitRepository(MongoTemplate mongo, FieldSealer sealer) {
    this.mongo = mongo;
    this.sealed = new SealedSafety(sealer);
  }

  private MongoCollection<Document> units() {
    return mongo.getCollection(CollectionNames.RENTAL_UNITS);
  }

  @Override
  public void insert(RentalUnit unit, GeoPoint location, String address) {
    units().insertOne(toDocument(unit, location, address));
  }

  @Override
  public boolean insertIfAbsent(RentalUnit unit, GeoPoint location, String address) {
    try {
      insert(unit, location, address);
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public Optional<RentalUnit> find(String id) {
    return Optional.ofNullable(units().find(eq("_id", id)).projection(WITHOUT_SEALED).first())
        .map(MongoRentalUnitRepository::toUnit);
  }

  @Override
  public List<RentalUnit> list(String agencyId, UnitStatus status, String region, int limit) {
    List<Bson> filters = new ArrayList<>(List.of(eq("agencyId", agencyId)));
    if (status != null) {
      filters.add(eq("status", status.name()));
    }
    if (region != null) {
      filters.add(eq("region", region));
    }
    return units().find(and(filters)).projection(WITHOUT_SEALED).sort(Sorts.ascending("_id")).limit(limit)
        .map(MongoRentalUnitRepository::toUnit).into(new ArrayList<>());
  }

  @Override
  public List<RentalUnit> availableCandidates(
      String agencyId, Set<Suitability> households, boolean accessibleOnly, int limit) {
    List<Bson> filters =
        new ArrayList<>(List.of(eq("agencyId", agencyId), eq("status", UnitStatus.AVAILABLE.name())));
    if (!households.isEmpty()) {
      filters.add(all("suitableFor", households.stream().map(Enum::name).toList()));
    }
    if (accessibleOnly) {
      filters.add(eq("accessible", true));
    }
    return units().find(and(filters)).projection(WITHOUT_SEALED).sort(Sorts.ascending("_id")).limit(limit)
        .map(MongoRentalUnitRepository::toUnit).into(new ArrayList<>());
  }

  @Override
  public Map<String, GeoPoint> locationsOf(Collection<String> unitIds) {
    Map<String, GeoPoint> locations = new LinkedHashMap<>();
    for (Document d : units().find(in("_id", unitIds)).projection(Projections.include(SealedSafety.LOCATION))) {
      String id = d.getString("_id");
      locations.put(id, sealed.openLocation(id, d.getString(SealedSafety.LOCATION)));
    }
    return locations;
  }

  @Override
  public Optional<String> addressOf(String unitId) {
    return Optional.ofNullable(
            units().find(eq("_id", unitId)).projection(Projections.include(SealedSafety.ADDRESS)).first())
        .map(d -> sealed.openAddress(unitId, d.getString(SealedSafety.ADDRESS)));
  }

  @Override
  public boolean reserve(String unitId, String agencyId, String referralId, Instant at) {
    return units().updateOne(
            and(eq("_id", unitId), eq("agencyId", agencyId), eq("status", UnitStatus.AVAILABLE.name())),
            Updates.combine(
                Updates.set("status", UnitStatus.RESERVED.name()),
                Updates.set("referralId", referralId),
                Updates.set("reservedAt", date(at)),
                Updates.set("updatedAt", date(at))))
        .getModifiedCount() == 1;
  }

  @Override
  public boolean release(String unitId, String referralId, Instant at) {
    return units().updateOne(
            and(eq("_id", unitId), eq("status", UnitStatus.RESERVED.name()), eq("referralId", referralId)),
            Updates.combine(
                Updates.set("status", UnitStatus.AVAILABLE.name()),
                Updates.unset("referralId"),
                Updates.unset("reservedAt"),
                Updates.set("updatedAt", date(at))))
        .getModifiedCount() == 1;
  }

  @Override
  public boolean withdraw(String unitId, Instant at) {
    return units().updateOne(
            and(eq("_id", unitId), eq("status", UnitStatus.AVAILABLE.name())),
            Updates.combine(
                Updates.set("status", UnitStatus.WITHDRAWN.name()),
                Updates.set("withdrawnAt", date(at)),
                Updates.set("updatedAt", date(at))))
        .getModifiedCount() == 1;
  }

  @Override
  public boolean describe(String unitId, String region, int bedrooms, int monthlyRent, boolean accessible,
      java.time.LocalDate availableFrom, Set<Suitability> suitableFor, Instant at) {
    return units().updateOne(
            and(eq("_id", unitId), eq("status", UnitStatus.AVAILABLE.name())),
            Updates.combine(
                Updates.set("region", region),
                Updates.set("bedrooms", bedrooms),
                Updates.set("monthlyRent", monthlyRent),
                Updates.set("accessible", accessible),
                Updates.set("availableFrom", day(availableFrom)),
                Updates.set("suitableFor", suitableFor.stream().map(Enum::name).sorted().toList()),
                Updates.set("updatedAt", date(at))))
        .getModifiedCount() == 1;
  }

  @Override
  public boolean let(String unitId, String referralId, String tenantCaseToken, Instant at) {
    return units().updateOne(
            and(eq("_id", unitId), eq("status", UnitStatus.RESERVED.name()), eq("referralId", referralId)),
            Updates.combine(
                Updates.set("status", UnitStatus.LET.name()),
                // Her keyed hash (shelter occupancy's key, never her case reference) while she lives
                // here, in clear so that others' keep-apart tokens find it by index.
                Updates.set(TENANT_CASE_TOKEN, tenantCaseToken),
                Updates.set("letAt", date(at)),
                Updates.set("updatedAt", date(at))))
        .getModifiedCount() == 1;
  }

  @Override
  public List<GeoPoint> homeAreasOfTenants(Collection<String> caseTokens, String agencyId) {
    if (caseTokens.isEmpty()) {
      return List.of();
    }
    Bson tenants = and(eq("status", UnitStatus.LET.name()), in(TENANT_CASE_TOKEN, List.copyOf(caseTokens)));
    List<String> homes = units().find(agencyId == null ? tenants : and(tenants, eq("agencyId", agencyId)))
        .projection(new Document("_id", 1)).map(d -> d.getString("_id")).into(new ArrayList<>());
    return locationsOf(homes).values().stream().map(GeoPoint::area).distinct().toList();
  }

  @Override
  public List<RentalUnit> reservedBefore(Instant cutoff, int limit) {
    return units().find(and(eq("status", UnitStatus.RESERVED.name()), lt("reservedAt", date(cutoff))))
        .projection(WITHOUT_SEALED).sort(Sorts.ascending("reservedAt")).limit(limit)
        .map(MongoRentalUnitRepository::toUnit).into(new ArrayList<>());
  }

  private Document toDocument(RentalUnit unit, GeoPoint location, String address) {
    return new Document("_id", unit.id())
        .append("agencyId", unit.agencyId())
        .append("region", unit.region())
        .append("bedrooms", unit.bedrooms())
        .append("monthlyRent", unit.monthlyRent())
        .append("accessible", unit.accessible())
        .append("availableFrom", day(unit.availableFrom()))
        .append("suitableFor", unit.suitableFor().stream().map(Enum::name).sorted().toList())
        .append("status", unit.status().name())
        .append("referralId", unit.referralId())
        .append("reservedAt", date(unit.reservedAt()))
        .append(SealedSafety.LOCATION, sealed.sealLocation(unit.id(), location))
        .append(SealedSafety.ADDRESS, sealed.sealAddress(unit.id(), address));
  }

  static RentalUnit toUnit(Document d) {
    Set<Suitability> suitableFor = EnumSet.noneOf(Suitability.class);
    d.getList("suitableFor", String.class, List.of()).forEach(s -> suitableFor.add(Suitability.valueOf(s)));
    return new RentalUnit(
        d.getString("_id"),
        d.getString("agencyId"),
        d.getString("region"),
        d.getInteger("bedrooms", 0),
        d.getInteger("monthlyRent", 0),
        d.getBoolean("accessible", false),
        localDate(d.get("availableFrom")),
        suitableFor,
        UnitStatus.valueOf(d.getString("status")),
        d.getString("referralId"),
        instant(d.get("reservedAt")));
  }
}
