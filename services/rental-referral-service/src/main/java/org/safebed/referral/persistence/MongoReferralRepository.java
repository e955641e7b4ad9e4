package org.safebed.referral.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static org.safebed.referral.persistence.BsonValues.date;
import static org.safebed.referral.persistence.BsonValues.day;
import static org.safebed.referral.persistence.BsonValues.instant;
import static org.safebed.referral.persistence.BsonValues.localDate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.safebed.platform.messaging.OutboxEvent;
import org.safebed.platform.messaging.outbox.OutboxRelay;
import org.safebed.platform.web.sealing.FieldSealer;
import org.safebed.referral.domain.ActiveReferralExistsException;
import org.safebed.referral.domain.Decline;
import org.safebed.referral.domain.DeclineReason;
import org.safebed.referral.domain.Need;
import org.safebed.referral.domain.Offer;
import org.safebed.referral.domain.Priority;
import org.safebed.referral.domain.Referral;
import org.safebed.referral.domain.ReferralChange;
import org.safebed.referral.domain.ReferralQuery;
import org.safebed.referral.domain.ReferralRepository;
import org.safebed.referral.domain.ReferralStatus;
import org.safebed.referral.domain.ReferralSummary;
import org.safebed.referral.domain.SafetyConstraints;
import org.safebed.referral.domain.Step;
import org.safebed.referral.messaging.PublishedEvents;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Referral documents, each carrying its own outbox ({@code pendingEvents}). {@code activePlacementId}
 * is present only while the referral is active; a unique sparse index on it keeps one active
 * referral per placement without any transaction.
 */
@Repository
public class MongoReferralRepository implements ReferralRepository {

  static final String ACTIVE_PLACEMENT = "activePlacementId";

  private final MongoTemplate mongo;
  private final OutboxRelay relay;
  private final SealedSafety sealed;

  public MongoReferralRepository(MongoTemplate mongo, FieldSealer sealer, OutboxRelay relay) {
    this.mongo = mongo;
    this.relay = relay;
    this.sealed = new SealedSafety(sealer);
  }

  private MongoCollection<Document> referrals() {
    return mongo.getCollection(CollectionNames.REFERRALS);
  }

  @Override
  public void insert(Referral referral, SafetyConstraints safety, String caseToken) {
    Document document = toDocument(referral);
    if (caseToken != null) {
      document.append(SealedSafety.CASE_TOKEN, sealed.sealCaseToken(referral.id(), caseToken));
    }
    document.append(ACTIVE_PLACEMENT, referral.placementId());
    if (!safety.exclusionZones().isEmpty()) {
      document.append(SealedSafety.EXCLUSION_ZONES, sealed.sealZones(referral.id(), safety.exclusionZones()));
    }
    if (!safety.keepApartRefs().isEmpty()) {
      document.append(SealedSafety.KEEP_APART_REFS, sealed.sealRefs(referral.id(), safety.keepApartRefs()));
    }
    try {
      referrals().insertOne(document);
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        throw new ActiveReferralExistsException();
      }
      throw e;
    }
  }

  @Override
  public Optional<Referral> find(String id) {
    return Optional.ofNullable(referrals().find(eq("_id", id)).first()).map(MongoReferralRepository::toReferral);
  }

  @Override
  public boolean apply(ReferralChange change) {
    if (!change.changed()) {
      return true;
    }
    Referral before = change.before();
    Referral after = change.after();
    List<Bson> updates = new ArrayList<>();
    updates.add(Updates.set("status", after.status().name()));
    updates.add(Updates.set("offer", offerDocument(after.offer())));
    updates.add(Updates.set("moveInDate", day(after.moveInDate())));
    updates.add(Updates.set("closedReason", after.closedReason()));
    updates.add(Updates.set("steps", after.steps().stream().map(MongoReferralRepository::stepDocument).toList()));
    updates.add(Updates.set("declines", after.declines().stream().map(MongoReferralRepository::declineDocument).toList()));
    updates.add(Updates.set("lastProgressAt", date(after.lastProgressAt())));
    updates.add(Updates.inc("version", 1L));
    if (!after.status().isActive()) {
      updates.add(Updates.unset(ACTIVE_PLACEMENT));
    }
    List<OutboxEvent> events =
        change.events().stream().map(e -> PublishedEvents.toOutbox(e, after.lastProgressAt())).toList();
    if (!events.isEmpty()) {
      updates.add(OutboxEvent.recordAll(events));
    }
    // The expected status and version in the filter make this the only way the step can happen.
    Bson expected =
        and(eq("_id", before.id()), eq("status", before.status().name()), eq("version", before.version()));
    boolean saved = referrals().updateOne(expected, Updates.combine(updates)).getMatchedCount() == 1;
    if (saved && !events.isEmpty()) {
      relay.wake(CollectionNames.REFERRALS, before.id());
    }
    return saved;
  }

  @Override
  public Optional<String> caseTokenOf(String referralId) {
    return Optional.ofNullable(referrals().find(eq("_id", referralId))
            .projection(new Document(SealedSafety.CASE_TOKEN, 1)).first())
        .map(d -> d.getString(SealedSafety.CASE_TOKEN))
        .map(token -> sealed.openCaseToken(referralId, token));
  }

  @Override
  public SafetyConstraints safetyOf(String referralId) {
    Document document = referrals().find(eq("_id", referralId))
        .projection(new Document(SealedSafety.EXCLUSION_ZONES, 1).append(SealedSafety.KEEP_APART_REFS, 1))
        .first();
    if (document == null) {
      return SafetyConstraints.NONE;
    }
    return sealed.open(
        referralId, document.getString(SealedSafety.EXCLUSION_ZONES), document.getString(SealedSafety.KEEP_APART_REFS));
  }

  @Override
  public List<Referral> list(ReferralQuery query) {
    List<Bson> filters = new ArrayList<>();
    if (query.agencyId() != null) {
      filters.add(eq("agencyId", query.agencyId()));
    }
    if (query.status() != null) {
      filters.add(eq("status", query.status().name()));
    }
    if (query.stalledBefore() != null) {
      filters.add(in("status", names(ReferralStatus.ACTIVE)));
      filters.add(lt("lastProgressAt", date(query.stalledBefore())));
    }
    Bson filter = filters.isEmpty() ? new Document() : and(filters);
    // "HIGH" sorts before "NORMAL": high priority first, then newest.
    return find(filter, Sorts.orderBy(Sorts.ascending("priority"), Sorts.descending("createdAt")), query.limit());
  }

  @Override
  public List<Referral> offersExpiredBy(Instant now, int limit) {
    return find(
        and(eq("status", ReferralStatus.OFFERED.name()), lte("offer.expiresAt", date(now))),
        Sorts.ascending("offer.expiresAt"),
        limit);
  }

  @Override
  public List<Referral> activeForPlacement(String placementId) {
    return find(
        and(eq("placementId", placementId), in("status", names(ReferralStatus.ACTIVE))),
        Sorts.ascending("createdAt"),
        100);
  }

  @Override
  public List<Referral> activeUnchangedSince(Instant before, int limit) {
    return find(
        and(in("status", names(ReferralStatus.ACTIVE)), lt("lastProgressAt", date(before))),
        Sorts.ascending("lastProgressAt"),
        limit);
  }

  @Override
  public List<Referral> movedInSince(Instant since, int limit) {
    return find(
        and(eq("status", ReferralStatus.MOVED_IN.name()), gte("lastProgressAt", date(since))),
        Sorts.descending("lastProgressAt"),
        limit);
  }

  @Override
  public List<ReferralSummary> summariesCreatedSince(Instant since, int limit) {
    // Only what the figures need: never the sealed fields, the agency or the unit.
    Document fields = new Document("status", 1).append("placementId", 1).append("moveInDate", 1)
        .append("steps", 1).append("declines", 1);
    return referrals().find(gte("createdAt", date(since)))
        .projection(fields)
        .sort(Sorts.descending("createdAt"))
        .limit(limit)
        .map(d -> ReferralSummary.of(
            ReferralStatus.valueOf(d.getString("status")),
            d.getString("placementId"),
            localDate(d.get("moveInDate")),
            steps(d),
            declines(d)))
        .into(new ArrayList<>());
  }

  @Override
  public long countActiveWithoutProgressSince(Instant since) {
    return referrals().countDocuments(
        and(in("status", names(ReferralStatus.ACTIVE)), lt("lastProgressAt", date(since))));
  }

  private List<Referral> find(Bson filter, Bson sort, int limit) {
    return referrals().find(filter)
        .projection(new Document(SealedSafety.EXCLUSION_ZONES, 0).append(SealedSafety.KEEP_APART_REFS, 0))
        .sort(sort)
        .limit(limit)
        .map(MongoReferralRepository::toReferral)
        .into(new ArrayList<>());
  }

  private static List<String> names(Set<ReferralStatus> statuses) {
    return statuses.stream().map(Enum::name).toList();
  }

  static Document toDocument(Referral r) {
    return new Document("_id", r.id())
        .append("agencyId", r.agencyId())
        .append("createdBy", r.createdBy())
        .append("placementId", r.placementId())
        .append("priority", r.priority().name())
        .append("needs", r.needs().stream().map(Enum::name).sorted().toList())
        .append("preferredRegions", r.preferredRegions())
        .append("exclusionZoneCount", r.exclusionZoneCount())
        .append("keepApartRefCount", r.keepApartRefCount())
        .append("status", r.status().name())
        .append("offer", offerDocument(r.offer()))
        .append("moveInDate", day(r.moveInDate()))
        .append("closedReason", r.closedReason())
        .append("steps", r.steps().stream().map(MongoReferralRepository::stepDocument).toList())
        .append("declines", r.declines().stream().map(MongoReferralRepository::declineDocument).toList())
        .append("createdAt", date(r.createdAt()))
        .append("lastProgressAt", date(r.lastProgressAt()))
        .append("version", r.version())
        .append(OutboxEvent.PENDING_EVENTS_FIELD, List.of());
  }

  static Referral toReferral(Document d) {
    Set<Need> needs = EnumSet.noneOf(Need.class);
    d.getList("needs", String.class, List.of()).forEach(n -> needs.add(Need.valueOf(n)));
    return new Referral(
        d.getString("_id"),
        d.getString("agencyId"),
        d.getString("createdBy"),
        d.getString("placementId"),
        Priority.valueOf(d.getString("priority")),
        needs,
        d.getList("preferredRegions", String.class, List.of()),
        d.getInteger("exclusionZoneCount", 0),
        d.getInteger("keepApartRefCount", 0),
        ReferralStatus.valueOf(d.getString("status")),
        toOffer(d.get("offer", Document.class)),
        localDate(d.get("moveInDate")),
        d.getString("closedReason"),
        steps(d),
        declines(d),
        instant(d.get("createdAt")),
        instant(d.get("lastProgressAt")),
        ((Number) d.get("version")).longValue());
  }

  private static List<Step> steps(Document d) {
    return d.getList("steps", Document.class, List.of()).stream()
        .map(s -> new Step(ReferralStatus.valueOf(s.getString("status")), instant(s.get("enteredAt")), s.getString("cause")))
        .collect(Collectors.toList());
  }

  private static List<Decline> declines(Document d) {
    return d.getList("declines", Document.class, List.of()).stream()
        .map(x -> new Decline(x.getString("unitId"), DeclineReason.valueOf(x.getString("reason")), instant(x.get("at"))))
        .collect(Collectors.toList());
  }

  private static Document offerDocument(Offer offer) {
    if (offer == null) {
      return null;
    }
    return new Document("unitId", offer.unitId())
        .append("region", offer.region())
        .append("offeredAt", date(offer.offeredAt()))
        .append("expiresAt", date(offer.expiresAt()))
        .append("acceptedAt", date(offer.acceptedAt()));
  }

  private static Offer toOffer(Document d) {
    if (d == null) {
      return null;
    }
    return new Offer(
        d.getString("unitId"), d.getString("region"), instant(d.get("offeredAt")),
        instant(d.get("expiresAt")), instant(d.get("acceptedAt")));
  }

  private static Document stepDocument(Step step) {
    return new Document("status", step.status().name())
        .append("enteredAt", date(step.enteredAt()))
        .append("cause", step.cause());
  }

  private static Document declineDocument(Decline decline) {
    return new Document("unitId", decline.unitId())
        .append("reason", decline.reason().name())
        .append("at", date(decline.at()));
  }
}
