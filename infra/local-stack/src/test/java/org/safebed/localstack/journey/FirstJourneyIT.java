package org.safebed.localstack.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.safebed.localstack.journey.GatewayClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * The first journey of SafeBed, steps 1-6 of the walking skeleton, through the gateway with real
 * tokens from the identity provider, the real broker and the three services: police request, bed
 * held, transport assigned, driver sees the address only once accepted, pick-up and delivery,
 * check-in, referral to a rental unit, move-in, bed free again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstJourneyIT {

  private static final Duration EVENTUAL = Duration.ofSeconds(30);
  private static final String POLICE = "demo-police";
  private static final String COORDINATOR = "demo-coordinator";
  private static final String MANAGER = "demo-shelter-manager";
  private static final String OTHER_MANAGER = "demo-shelter-manager-2";
  private static final String HOUSING = "demo-housing-officer";
  private static final List<String> DRIVERS = JourneySteps.DRIVERS;

  private static GatewayClient gateway;
  private static final AtomicReference<String> placementId = new AtomicReference<>();
  private static final AtomicReference<String> shelterCodeName = new AtomicReference<>();
  private static final AtomicReference<String> jobId = new AtomicReference<>();
  private static final AtomicReference<String> driver = new AtomicReference<>();
  private static final AtomicReference<String> revealedAddress = new AtomicReference<>();
  private static final AtomicReference<Integer> availableBefore = new AtomicReference<>();

  static final String REQUEST = """
      {"policeCaseRef": "PJ-2026-0042", "person": {"ageYears": 14, "gender": "FEMALE"},
       "needs": [], "location": {"lat": 48.9362, "lon": 2.3574},
       "exclusionZones": [{"lat": 48.95, "lon": 2.40, "radiusKm": 8}]}""";

  @BeforeAll
  static void startStack() {
    gateway = RunningStack.client();
  }

  private static JsonNode shelterByCodeName(String clientId, String codeName) {
    return JourneySteps.shelterByCodeName(gateway, clientId, codeName);
  }

  @Test
  @Order(1)
  void policeRequestHoldsABedAndGetsOnlyTheCodeName() {
    String key = UUID.randomUUID().toString();
    Reply created = gateway.post(POLICE, "/api/placements", REQUEST, Map.of("Idempotency-Key", key));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode placement = created.json();
    assertThat(placement.get("status").asString()).isEqualTo("HELD");
    assertThat(placement.get("shelter").get("codeName").asString()).isNotBlank();
    assertThat(Instant.parse(placement.get("holdExpiresAt").asString())).isAfter(Instant.now());
    assertThat(created.body()).doesNotContainIgnoringCase("address");
    placementId.set(placement.get("id").asString());
    shelterCodeName.set(placement.get("shelter").get("codeName").asString());

    Reply again = gateway.post(POLICE, "/api/placements", REQUEST, Map.of("Idempotency-Key", key));
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().get("id").asString()).isEqualTo(placementId.get());

    JsonNode shelter = shelterByCodeName(COORDINATOR, shelterCodeName.get());
    assertThat(shelter).isNotNull();
    assertThat(shelter.get("beds").get("held").asInt()).isGreaterThanOrEqualTo(1);
    availableBefore.set(shelter.get("beds").get("available").asInt());
  }

  @Test
  @Order(2)
  void transportIsAssignedAndPoliceSeeItsStatusAndEta() {
    await().atMost(EVENTUAL).untilAsserted(() -> {
      JsonNode placement = gateway.get(POLICE, "/api/placements/" + placementId.get()).json();
      assertThat(placement.get("transport").get("status").asString()).isEqualTo("ASSIGNED");
      assertThat(placement.get("transport").get("etaMinutes").asInt()).isPositive();
    });
    Reply byCoordinator = gateway.get(COORDINATOR, "/api/placements/" + placementId.get());
    assertThat(byCoordinator.status()).isEqualTo(200);

    JourneySteps.DriversJob offered =
        JourneySteps.jobOfAnyDriver(gateway, job -> placementId.get().equals(job.get("placementId").asString()));
    assertThat(offered).as("one driver has the job").isNotNull();
    assertThat(offered.job().get("status").asString()).isEqualTo("OFFERED");
    driver.set(offered.driver());
    jobId.set(offered.id());
  }

  @Test
  @Order(3)
  void onlyTheAssignedDriverSeesTheAddressAndOnlyOnceAccepted() {
    String destination = "/api/transport/jobs/" + jobId.get() + "/destination";
    Reply beforeAccept = gateway.get(driver.get(), destination);
    assertThat(beforeAccept.status()).isEqualTo(403);
    assertThat(beforeAccept.isProblem()).isTrue();

    assertThat(gateway.post(driver.get(), "/api/transport/jobs/" + jobId.get() + "/accept", null).status()).isEqualTo(200);

    Reply revealed = gateway.get(driver.get(), destination);
    assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);
    String address = revealed.json().get("address").asString();
    assertThat(address).isNotBlank();
    revealedAddress.set(address);

    String otherDriver = DRIVERS.stream().filter(d -> !d.equals(driver.get())).findFirst().orElseThrow();
    Reply stranger = gateway.get(otherDriver, destination);
    assertThat(stranger.status()).isIn(403, 404);
    assertThat(stranger.body()).doesNotContain(address);
    assertThat(gateway.get(POLICE, destination).status()).isEqualTo(403);
  }

  @Test
  @Order(4)
  void pickUpAndDeliveryFlowBackToThePlacement() {
    String job = "/api/transport/jobs/" + jobId.get();
    assertThat(gateway.post(driver.get(), job + "/pick-up", null).status()).isEqualTo(200);
    await().atMost(EVENTUAL).untilAsserted(() -> assertThat(
        gateway.get(POLICE, "/api/placements/" + placementId.get()).json().get("transport").get("status").asString())
        .isEqualTo("PICKED_UP"));
    assertThat(gateway.post(driver.get(), job + "/deliver", null).status()).isEqualTo(200);
    await().atMost(EVENTUAL).untilAsserted(() -> assertThat(
        gateway.get(POLICE, "/api/placements/" + placementId.get()).json().get("transport").get("status").asString())
        .isEqualTo("DELIVERED"));
  }

  @Test
  @Order(5)
  void onlyTheShelterManagerOfThatShelterChecksHerIn() {
    String checkIn = "/api/placements/" + placementId.get() + "/check-in";
    Reply foreign = gateway.post(OTHER_MANAGER, checkIn, null);
    assertThat(foreign.status()).isIn(403, 404);
    assertThat(gateway.post(POLICE, checkIn, null).status()).isEqualTo(403);

    Reply checkedIn = gateway.post(MANAGER, checkIn, null);
    assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(200);
    assertThat(checkedIn.json().get("status").asString()).isEqualTo("CHECKED_IN");
    assertThat(gateway.get(POLICE, "/api/placements/" + placementId.get()).json().get("status").asString())
        .isEqualTo("CHECKED_IN");
    JsonNode shelter = shelterByCodeName(MANAGER, shelterCodeName.get());
    assertThat(shelter.get("beds").get("occupied").asInt()).isGreaterThanOrEqualTo(1);
    await().atMost(EVENTUAL).untilAsserted(() -> assertThat(
        gateway.get(driver.get(), "/api/transport/jobs/" + jobId.get()).json().get("status").asString())
        .isIn("COMPLETED", "DELIVERED"));
  }

  @Test
  @Order(6)
  void referralToRentalUnitAndMoveInFreeTheShelterBed() {
    String referralBody = "{\"placementId\": \"" + placementId.get() + "\", \"unitId\": \"unit-central-1\"}";
    AtomicReference<Reply> created = new AtomicReference<>();
    // The referral service learns of the check-in from placement.checked-in.v1: 409 until then.
    await().atMost(EVENTUAL).untilAsserted(() -> {
      Reply reply = gateway.post(HOUSING, "/api/referrals", referralBody);
      assertThat(reply.status()).as(reply.body()).isEqualTo(201);
      created.set(reply);
    });
    JsonNode referral = created.get().json();
    assertThat(referral.get("status").asString()).isEqualTo("OFFERED");
    String referralPath = "/api/referrals/" + referral.get("id").asString();

    assertThat(gateway.post(HOUSING, referralPath + "/move-in", "{\"moveInDate\": \"2026-12-01\"}").status())
        .as("move-in before acceptance").isEqualTo(409);
    assertThat(gateway.post(HOUSING, referralPath + "/accept", null).status()).isEqualTo(200);
    Reply movedIn = gateway.post(HOUSING, referralPath + "/move-in", "{\"moveInDate\": \"2026-12-01\"}");
    assertThat(movedIn.status()).as(movedIn.body()).isEqualTo(200);
    assertThat(movedIn.json().get("status").asString()).isEqualTo("MOVED_IN");

    await().atMost(EVENTUAL).untilAsserted(() -> {
      JsonNode placement = gateway.get(POLICE, "/api/placements/" + placementId.get()).json();
      assertThat(placement.get("status").asString()).isEqualTo("CHECKED_OUT");
    });
    JsonNode shelter = shelterByCodeName(COORDINATOR, shelterCodeName.get());
    assertThat(shelter.get("beds").get("available").asInt()).isEqualTo(availableBefore.get() + 1);
  }

  @Test
  @Order(7)
  void coordinatorsSeeAllSheltersManagersOnlyTheirOwnAndOnlyCoordinatorsCreate() {
    Reply all = gateway.get(COORDINATOR, "/api/shelters");
    assertThat(all.json().size()).isGreaterThanOrEqualTo(8);
    List<String> regions = new ArrayList<>();
    all.json().forEach(s -> regions.add(s.get("region").asString()));
    assertThat(regions.stream().distinct().count()).isGreaterThanOrEqualTo(3);

    Reply own = gateway.get(OTHER_MANAGER, "/api/shelters");
    assertThat(own.json().size()).isEqualTo(1);
    assertThat(own.json().get(0).get("id").asString()).isEqualTo("shelter-south-2");

    String canary = "CANARY " + UUID.randomUUID() + " Allée Inventée";
    String newShelter = """
        {"codeName": "Heron-E2E", "region": "central", "location": {"lat": 48.70, "lon": 2.10},
         "address": "%s",
         "eligibility": {"minAge": 12, "maxAge": 17, "genders": ["FEMALE"]}, "bedCount": 3}""".formatted(canary);
    assertThat(gateway.post(POLICE, "/api/shelters", newShelter).status()).isEqualTo(403);
    assertThat(gateway.post(MANAGER, "/api/shelters", newShelter).status()).isEqualTo(403);
    Reply created = gateway.post(COORDINATOR, "/api/shelters", newShelter);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).doesNotContain("CANARY");
    JsonNode listed = shelterByCodeName(COORDINATOR, "Heron-E2E");
    assertThat(listed.get("beds").get("available").asInt()).isEqualTo(3);
    assertThat(gateway.get(COORDINATOR, "/api/shelters").body()).doesNotContain("CANARY");
  }

  @Test
  @Order(8)
  void policeAndHousingOfficersWereNeverShownAShelterAddress() {
    assertThat(revealedAddress.get()).isNotBlank();
    for (String client : List.of(POLICE, HOUSING)) {
      assertThat(gateway.bodiesSeenBy(client)).isNotEmpty();
      for (String body : gateway.bodiesSeenBy(client)) {
        assertThat(body).doesNotContain(revealedAddress.get()).doesNotContain("CANARY");
        assertThat(body).doesNotContainIgnoringCase("\"address\"");
      }
    }
  }
}
