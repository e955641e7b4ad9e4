package org.safebed.localstack.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.safebed.localstack.apps.StackApp;
import org.safebed.localstack.apps.StackApps;
import org.safebed.localstack.journey.GatewayClient.Reply;
import org.safebed.localstack.journey.JourneySteps.DriversJob;
import org.safebed.platform.web.audit.AuditTrail;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * From the shelter to a home of her own, through the gateway with the demo accounts: a girl is
 * placed, driven to the shelter and checked in; a housing officer refers her, offers a unit, she
 * accepts and moves in; the tenancy checks her out of the shelter (the bed is free again) and books
 * the move, whose driver alone learns where to collect her and where to take her, each disclosure
 * audited by the service that owns the address. In the south, away from the other journeys.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MoveInJourneyIT {

  private static final Duration EVENTUAL = Duration.ofSeconds(30);
  private static final String POLICE = "demo-police";
  private static final String MANAGER = "demo-shelter-manager";
  private static final String COORDINATOR = "demo-coordinator";
  private static final String HOUSING = "demo-housing-officer";
  private static final String UNIT_ADDRESS = "MOVE-CANARY " + UUID.randomUUID() + " Allee Inventee, Port-Fictif";

  /** A 17-year-old found near Marseille: the one demo shelter there for her age is Egret. */
  private static final String REQUEST = """
      {"policeCaseRef": "PJ-2026-MOVE-%s", "person": {"ageYears": 17, "gender": "FEMALE"},
       "needs": [], "location": {"lat": 43.35, "lon": 5.42},
       "exclusionZones": [{"lat": 43.60, "lon": 1.44, "radiusKm": 10}]}""".formatted(UUID.randomUUID().toString().substring(0, 8));

  private static GatewayClient gateway;
  private static final AtomicReference<String> placementId = new AtomicReference<>();
  private static final AtomicReference<String> shelterId = new AtomicReference<>();
  private static final AtomicReference<Set<String>> heldBeds = new AtomicReference<>();
  private static final AtomicReference<String> herBed = new AtomicReference<>();
  private static final AtomicReference<DriversJob> pickup = new AtomicReference<>();
  private static final AtomicReference<String> shelterAddress = new AtomicReference<>();
  private static final AtomicReference<String> unitId = new AtomicReference<>();
  private static final AtomicReference<String> referralId = new AtomicReference<>();
  private static final AtomicReference<DriversJob> move = new AtomicReference<>();
  /** How many answers the move's driver had had, and the owners' audit heads, when the move was accepted. */

  @BeforeAll
  static void startStack() {
    gateway = RunningStack.client();
  }

  @Test
  @Order(1)
  void policePlaceHerAndABedIsHeldAtTheShelter() {
    Reply created = gateway.post(POLICE, "/api/placements", REQUEST, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("status").asString()).isEqualTo("HELD");
    placementId.set(created.json().get("id").asString());

    JsonNode shelter = JourneySteps.shelterByCodeName(gateway, MANAGER, created.json().get("shelter").get("codeName").asString());
    assertThat(shelter).as("a shelter demo-shelter-manager runs").isNotNull();
    assertThat(shelter.get("region").asString()).isEqualTo("south");
    shelterId.set(shelter.get("id").asString());
    heldBeds.set(bedsIn("HELD"));
    assertThat(heldBeds.get()).isNotEmpty();
  }

  @Test
  @Order(2)
  void herDriverAcceptsLearnsWhereSheIsAndTheShelterAddressAndTheDisclosuresAreAudited() {
    await().atMost(EVENTUAL).untilAsserted(() -> {
      assertThat(placement().get("transport").get("status").asString()).isEqualTo("ASSIGNED");
      DriversJob offered = JourneySteps.jobOfAnyDriver(gateway,
          job -> placementId.get().equals(job.get("placementId").asString()) && "PICKUP".equals(job.get("kind").asString()));
      assertThat(offered).as("a driver is offered her pick-up").isNotNull();
      pickup.set(offered);
    });
    assertThat(pickup.get().job().get("status").asString()).isEqualTo("OFFERED");
    String job = "/api/transport/jobs/" + pickup.get().id();
    assertThat(gateway.get(pickup.get().driver(), job + "/destination").status()).isEqualTo(403);

    long auditHead = lastAuditSeq(StackApps.SHELTER_OCCUPANCY);
    Reply accepted = gateway.post(pickup.get().driver(), job + "/accept", null);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");
    Reply destination = gateway.get(pickup.get().driver(), job + "/destination");
    assertThat(destination.status()).as(destination.body()).isEqualTo(200);
    shelterAddress.set(destination.json().get("address").asString());
    assertThat(shelterAddress.get()).isNotBlank();
    Reply foundAt = gateway.get(pickup.get().driver(), job + "/pickup");
    assertThat(foundAt.status()).as(foundAt.body()).isEqualTo(200);
    assertThat(foundAt.json().get("location").get("lat").asDouble()).as("where police found her").isEqualTo(43.35);
    assertThat(foundAt.json().get("location").get("lon").asDouble()).isEqualTo(5.42);

    assertThat(auditSince(StackApps.SHELTER_OCCUPANCY, auditHead))
        .as("occupancy audited the shelter address given to the pick-up driver")
        .anyMatch(e -> granted(e, "shelter", shelterId.get(), pickup.get().driver()));
    assertThat(auditSince(StackApps.SHELTER_OCCUPANCY, auditHead))
        .as("occupancy audited the pick-up point given to the pick-up driver")
        .anyMatch(e -> granted(e, "placement", placementId.get(), pickup.get().driver()));
  }

  @Test
  @Order(3)
  void sheIsPickedUpDeliveredAndCheckedIn() {
    String job = "/api/transport/jobs/" + pickup.get().id();
    assertThat(gateway.post(pickup.get().driver(), job + "/pick-up", null).status()).isEqualTo(200);
    await().atMost(EVENTUAL).untilAsserted(() ->
        assertThat(placement().get("transport").get("status").asString()).isEqualTo("PICKED_UP"));
    assertThat(gateway.post(pickup.get().driver(), job + "/deliver", null).status()).isEqualTo(200);
    await().atMost(EVENTUAL).untilAsserted(() ->
        assertThat(placement().get("transport").get("status").asString()).isEqualTo("DELIVERED"));

    Reply checkedIn = gateway.post(MANAGER, "/api/placements/" + placementId.get() + "/check-in", null);
    assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(200);
    assertThat(checkedIn.json().get("status").asString()).isEqualTo("CHECKED_IN");
    // Her bed is the one of the beds held before that is occupied now.
    Set<String> occupiedOfHeld = new HashSet<>(bedsIn("OCCUPIED"));
    occupiedOfHeld.retainAll(heldBeds.get());
    assertThat(occupiedOfHeld).hasSize(1);
    herBed.set(occupiedOfHeld.iterator().next());
    await().atMost(EVENTUAL).untilAsserted(() -> assertThat(
        gateway.get(pickup.get().driver(), job).json().get("status").asString()).isEqualTo("COMPLETED"));
  }

  @Test
  @Order(4)
  void aHousingOfficerRefersHerOffersAUnitSheAcceptsAndMovesIn() {
    String unit = """
        {"region": "south", "location": {"lat": 43.30, "lon": 5.38}, "address": "%s", "bedrooms": 1,
         "monthlyRent": 540, "accessible": false, "availableFrom": "2026-01-01", "suitableFor": ["YOUNG_ADULT"]}"""
        .formatted(UNIT_ADDRESS);
    Reply registered = gateway.post(HOUSING, "/api/rental-units", unit);
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    assertThat(registered.json().get("status").asString()).isEqualTo("AVAILABLE");
    unitId.set(registered.json().get("id").asString());

    String referral = """
        {"placementId": "%s", "needs": ["YOUNG_ADULT"], "preferredRegions": ["south"], "priority": "HIGH"}"""
        .formatted(placementId.get());
    // The referral service learns of the check-in from placement.checked-in.v1: 409 until then.
    AtomicReference<Reply> created = new AtomicReference<>();
    await().atMost(EVENTUAL).untilAsserted(() -> {
      Reply reply = gateway.post(HOUSING, "/api/referrals", referral);
      assertThat(reply.status()).as(reply.body()).isEqualTo(201);
      created.set(reply);
    });
    assertThat(created.get().json().get("status").asString()).isEqualTo("OPEN");
    // The officer gave no zone: police's one came over from shelter occupancy with her placement.
    assertThat(created.get().json().get("exclusionZoneCount").asInt()).isEqualTo(1);
    referralId.set(created.get().json().get("id").asString());
    String path = "/api/referrals/" + referralId.get();

    Reply matches = gateway.get(HOUSING, path + "/matches?limit=50");
    assertThat(matches.status()).isEqualTo(200);
    assertThat(matches.json().findValuesAsString("unitId")).contains(unitId.get());

    Reply offered = gateway.post(HOUSING, path + "/offers", "{\"unitId\": \"" + unitId.get() + "\"}");
    assertThat(offered.status()).as(offered.body()).isEqualTo(200);
    assertThat(offered.json().get("status").asString()).isEqualTo("OFFERED");
    assertThat(unitStatus()).isEqualTo("RESERVED");

    Reply accepted = gateway.post(HOUSING, path + "/accept", null);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");

    String today = LocalDate.now(ZoneOffset.UTC).toString();
    Reply movedIn = gateway.post(HOUSING, path + "/move-in", "{\"moveInDate\": \"" + today + "\"}");
    assertThat(movedIn.status()).as(movedIn.body()).isEqualTo(200);
    assertThat(movedIn.json().get("status").asString()).isEqualTo("MOVED_IN");
    assertThat(movedIn.json().get("moveInDate").asString()).isEqualTo(today);
    assertThat(movedIn.json().get("unitId").asString()).isEqualTo(unitId.get());
    assertThat(movedIn.json().get("steps").findValuesAsString("status"))
        .containsExactly("OPEN", "OFFERED", "ACCEPTED", "MOVED_IN");
    await().atMost(EVENTUAL).untilAsserted(() -> assertThat(unitStatus()).isEqualTo("LET"));
  }

  @Test
  @Order(5)
  void theTenancyChecksHerOutOfTheShelterAndFreesHerBed() {
    await().atMost(EVENTUAL).untilAsserted(() -> {
      JsonNode placement = placement();
      assertThat(placement.get("status").asString()).isEqualTo("CHECKED_OUT");
      assertThat(placement.get("checkOutReason").asString()).isEqualTo("MOVED_TO_RENTAL");
    });
    await().atMost(EVENTUAL).untilAsserted(() -> assertThat(bedsIn("AVAILABLE")).contains(herBed.get()));
  }

  @Test
  @Order(6)
  void theMoveIsBookedAndOfferedToADriverWhoAloneLearnsTheUnitAddressAudited() {
    await().atMost(EVENTUAL).untilAsserted(() -> {
      DriversJob offered = JourneySteps.jobOfAnyDriver(gateway,
          job -> referralId.get().equals(job.path("referralId").asString()) && "MOVE".equals(job.get("kind").asString()));
      assertThat(offered).as("a driver is offered her move").isNotNull();
      assertThat(offered.job().get("status").asString()).isEqualTo("OFFERED");
      move.set(offered);
    });
    assertThat(move.get().job().get("placementId").asString()).isEqualTo(placementId.get());
    String job = "/api/transport/jobs/" + move.get().id();
    assertThat(gateway.get(move.get().driver(), job + "/destination").status()).as("before acceptance").isEqualTo(403);
    String stranger = JourneySteps.DRIVERS.stream().filter(d -> !d.equals(move.get().driver())).findFirst().orElseThrow();
    assertThat(gateway.get(stranger, job + "/destination").status()).isIn(403, 404);

    long referralAudit = lastAuditSeq(StackApps.RENTAL_REFERRAL);
    Reply accepted = gateway.post(move.get().driver(), job + "/accept", null);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");

    Reply destination = gateway.get(move.get().driver(), job + "/destination");
    assertThat(destination.status()).as(destination.body()).isEqualTo(200);
    assertThat(destination.json().get("address").asString()).isEqualTo(UNIT_ADDRESS);
    assertThat(auditSince(StackApps.RENTAL_REFERRAL, referralAudit))
        .as("rental referral audited the unit address given to the move's driver")
        .anyMatch(e -> granted(e, "referral", referralId.get(), move.get().driver())
            && e.getString("purpose").contains(move.get().id()));
  }

  @Test
  @Order(7)
  void theMovesDriverAloneLearnsWhereToCollectHerAuditedByOccupancy() {
    String job = "/api/transport/jobs/" + move.get().id();
    String stranger = JourneySteps.DRIVERS.stream().filter(d -> !d.equals(move.get().driver())).findFirst().orElseThrow();
    assertThat(gateway.get(stranger, job + "/pickup").status()).isEqualTo(404);
    assertThat(gateway.get(COORDINATOR, job + "/pickup").status()).isEqualTo(403);
    long occupancyAudit = lastAuditSeq(StackApps.SHELTER_OCCUPANCY);

    // Occupancy learns the move's driver from transport.assigned.v1 (kind MOVE): eventually.
    AtomicReference<Reply> pickupAddress = new AtomicReference<>();
    await().atMost(EVENTUAL).untilAsserted(() -> {
      Reply reply = gateway.get(move.get().driver(), job + "/pickup");
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      pickupAddress.set(reply);
    });

    assertThat(pickupAddress.get().json().get("address").asString()).isEqualTo(shelterAddress.get());
    assertThat(auditSince(StackApps.SHELTER_OCCUPANCY, occupancyAudit))
        .as("occupancy audited the shelter address given to the move's driver, naming the move")
        .anyMatch(e -> granted(e, "shelter", shelterId.get(), move.get().driver())
            && e.getString("purpose").contains(move.get().id()));
    assertThat(placement().get("transport").get("status").asString())
        .as("the move's progress is not taken for the pick-up's").isEqualTo("DELIVERED");
  }

  @Test
  @Order(8)
  void theMoveIsCarriedOut() {
    String job = "/api/transport/jobs/" + move.get().id();
    Reply pickedUp = gateway.post(move.get().driver(), job + "/pick-up", null);
    assertThat(pickedUp.status()).as(pickedUp.body()).isEqualTo(200);
    assertThat(pickedUp.json().get("status").asString()).isEqualTo("PICKED_UP");
    Reply delivered = gateway.post(move.get().driver(), job + "/deliver", null);
    assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
    assertThat(delivered.json().get("status").asString()).isIn("DELIVERED", "COMPLETED");
  }

  @Test
  @Order(9)
  void policeAndTheHousingOfficerWereNeverShownEitherAddress() {
    assertThat(shelterAddress.get()).isNotBlank();
    for (String client : List.of(POLICE, HOUSING)) {
      assertThat(gateway.bodiesSeenBy(client)).isNotEmpty();
      for (String body : gateway.bodiesSeenBy(client)) {
        assertThat(body).doesNotContain(shelterAddress.get()).doesNotContain("MOVE-CANARY");
        assertThat(body).doesNotContainIgnoringCase("\"address\"");
      }
    }
    // The coordinator sees the move as a job, never where it goes.
    Reply asCoordinator = gateway.get(COORDINATOR, "/api/transport/jobs/" + move.get().id());
    assertThat(asCoordinator.status()).isEqualTo(200);
    assertThat(asCoordinator.body()).doesNotContain(shelterAddress.get()).doesNotContain("MOVE-CANARY");
  }

  private static JsonNode placement() {
    Reply reply = gateway.get(POLICE, "/api/placements/" + placementId.get());
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  /** Ids of the beds of her shelter in that status, as its manager lists them. */
  private static Set<String> bedsIn(String status) {
    Reply beds = gateway.get(MANAGER, "/api/shelters/" + shelterId.get() + "/beds");
    assertThat(beds.status()).as(beds.body()).isEqualTo(200);
    Set<String> ids = new HashSet<>();
    for (JsonNode bed : beds.json()) {
      if (status.equals(bed.get("status").asString())) {
        ids.add(bed.get("id").asString());
      }
    }
    return ids;
  }

  private static String unitStatus() {
    return gateway.get(HOUSING, "/api/rental-units/" + unitId.get()).json().get("status").asString();
  }

  private static boolean granted(Document entry, String recordType, String recordId, String driver) {
    return "ADDRESS_DISCLOSED".equals(entry.getString("action")) && "GRANTED".equals(entry.getString("outcome"))
        && recordType.equals(entry.getString("recordType")) && recordId.equals(entry.getString("recordId"))
        && driver.equals(entry.getString("onBehalfOf"));
  }

  private static MongoCollection<Document> auditLog(StackApp app) {
    return RunningStack.get().context(app).orElseThrow().getBean(MongoTemplate.class).getCollection(AuditTrail.COLLECTION);
  }

  private static long lastAuditSeq(StackApp app) {
    Document last = auditLog(app).find().sort(Sorts.descending("_id")).limit(1).first();
    return last == null ? 0 : last.getLong("_id");
  }

  private static List<Document> auditSince(StackApp app, long seq) {
    return auditLog(app).find(Filters.gt("_id", seq)).into(new ArrayList<>());
  }
}
