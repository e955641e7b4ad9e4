package org.safebed.localstack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.safebed.localstack.LocalStack;
import org.safebed.localstack.apps.StackApp;
import org.safebed.localstack.journey.RunningStack;
import org.safebed.localstack.security.OpenApiSpecs.Operation;
import org.safebed.localstack.security.StackClient.Answer;
import org.safebed.platform.web.audit.AuditTrail;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The authorisation matrix, generated from the contracts: every operation under {@code /api/**} of
 * the three OpenAPI specs is called through the gateway by every role with real demo tokens, and by
 * nobody, and must answer what {@link #RULES} says. Where a record belongs to someone, the row has a
 * second entry for an account of the same role that it does not belong to ({@code ROLE*}): a
 * manager of another shelter, another police account, a driver the job is not assigned to, a
 * housing officer of another agency. An operation without a row fails the test, so a new endpoint
 * cannot ship without a rule. Every 403, and every 404 a foreign account gets, must also be in the
 * owning service's audit trail.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorisationMatrixIT {

  private static final Duration EVENTUAL = Duration.ofSeconds(30);

  /** The roles of a row; {@code ROLE*} is an account of that role to which the record is foreign. */
  enum Role { POLICE, COORDINATOR, SHELTER_MANAGER, HOUSING_OFFICER, DRIVER }

  /**
   * The rules, in the order the test runs them (the fixture's states flow through it: the offer is
   * made before it is accepted, the resident is checked out last). Codes other than 401/403/404 are
   * what the allowed caller gets in the fixture's state (409: allowed, but not in this state).
   * A call without a token is 401 for every operation.
   */
  static final Map<String, String> RULES = rules("""
      requestPlacement       POLICE=201|202 COORDINATOR=403 SHELTER_MANAGER=403 HOUSING_OFFICER=403 DRIVER=403
      listPlacements         POLICE=200 COORDINATOR=200 SHELTER_MANAGER=200 HOUSING_OFFICER=403 DRIVER=403
      getPlacement           POLICE=200 POLICE*=404 COORDINATOR=200 SHELTER_MANAGER=200 SHELTER_MANAGER*=404 HOUSING_OFFICER=403 DRIVER=403
      followPlacement        POLICE=200 POLICE*=404 COORDINATOR=200 SHELTER_MANAGER=403 HOUSING_OFFICER=403 DRIVER=403
      checkInPlacement       SHELTER_MANAGER=200 SHELTER_MANAGER*=404 POLICE=403 COORDINATOR=403 HOUSING_OFFICER=403 DRIVER=403
      reportNoShow           SHELTER_MANAGER=409 SHELTER_MANAGER*=404 COORDINATOR=409 POLICE=403 HOUSING_OFFICER=403 DRIVER=403
      cancelPlacement        POLICE=409 POLICE*=404 COORDINATOR=409 SHELTER_MANAGER=403 HOUSING_OFFICER=403 DRIVER=403
      listShelters           COORDINATOR=200 SHELTER_MANAGER=200 POLICE=403 HOUSING_OFFICER=403 DRIVER=403
      createShelter          COORDINATOR=201 POLICE=403 SHELTER_MANAGER=403 HOUSING_OFFICER=403 DRIVER=403
      getShelter             COORDINATOR=200 SHELTER_MANAGER=200 SHELTER_MANAGER*=404 POLICE=403 HOUSING_OFFICER=403 DRIVER=403
      changeShelterStatus    COORDINATOR=200 SHELTER_MANAGER=200 SHELTER_MANAGER*=404 POLICE=403 HOUSING_OFFICER=403 DRIVER=403
      listBeds               COORDINATOR=200 SHELTER_MANAGER=200 SHELTER_MANAGER*=404 POLICE=403 HOUSING_OFFICER=403 DRIVER=403
      addBeds                COORDINATOR=200 SHELTER_MANAGER=200 SHELTER_MANAGER*=404 POLICE=403 HOUSING_OFFICER=403 DRIVER=403
      retireBed              SHELTER_MANAGER=200 COORDINATOR=200 SHELTER_MANAGER*=404 POLICE=403 HOUSING_OFFICER=403 DRIVER=403
      confirmCapacity        COORDINATOR=200 SHELTER_MANAGER=200 SHELTER_MANAGER*=404 POLICE=403 HOUSING_OFFICER=403 DRIVER=403
      followShelter          COORDINATOR=200 SHELTER_MANAGER=200 SHELTER_MANAGER*=404 POLICE=403 HOUSING_OFFICER=403 DRIVER=403
      changeBedServiceStatus COORDINATOR=200 SHELTER_MANAGER=200 SHELTER_MANAGER*=404 POLICE=403 HOUSING_OFFICER=403 DRIVER=403
      listEscalations        COORDINATOR=200 POLICE=403 SHELTER_MANAGER=403 HOUSING_OFFICER=403 DRIVER=403
      listAlerts             POLICE=200 COORDINATOR=200 SHELTER_MANAGER=403 HOUSING_OFFICER=403 DRIVER=403
      getStatistics          COORDINATOR=200 POLICE=403 SHELTER_MANAGER=403 HOUSING_OFFICER=403 DRIVER=403
      listJobs               DRIVER=200 COORDINATOR=200 POLICE=403 SHELTER_MANAGER=403 HOUSING_OFFICER=403
      getJob                 DRIVER=200 DRIVER*=404 COORDINATOR=200 POLICE=403 SHELTER_MANAGER=403 HOUSING_OFFICER=403
      getJobDestination      DRIVER=200 DRIVER*=404 COORDINATOR=403 POLICE=403 SHELTER_MANAGER=403 HOUSING_OFFICER=403
      getJobPickup           DRIVER=200 DRIVER*=404 COORDINATOR=403 POLICE=403 SHELTER_MANAGER=403 HOUSING_OFFICER=403
      acceptJob              DRIVER=200 DRIVER*=404 COORDINATOR=403 POLICE=403 SHELTER_MANAGER=403 HOUSING_OFFICER=403
      pickUpJob              DRIVER=200 DRIVER*=404 COORDINATOR=403 POLICE=403 SHELTER_MANAGER=403 HOUSING_OFFICER=403
      deliverJob             DRIVER=200 DRIVER*=404 COORDINATOR=403 POLICE=403 SHELTER_MANAGER=403 HOUSING_OFFICER=403
      declineJob             DRIVER=409 DRIVER*=404 COORDINATOR=403 POLICE=403 SHELTER_MANAGER=403 HOUSING_OFFICER=403
      reofferJob             COORDINATOR=409 POLICE=403 SHELTER_MANAGER=403 HOUSING_OFFICER=403 DRIVER=403
      listDrivers            COORDINATOR=200 POLICE=403 SHELTER_MANAGER=403 HOUSING_OFFICER=403 DRIVER=403
      registerDriver         COORDINATOR=201 POLICE=403 SHELTER_MANAGER=403 HOUSING_OFFICER=403 DRIVER=403
      updateDriver           COORDINATOR=200 POLICE=403 SHELTER_MANAGER=403 HOUSING_OFFICER=403 DRIVER=403
      retireDriver           COORDINATOR=200 POLICE=403 SHELTER_MANAGER=403 HOUSING_OFFICER=403 DRIVER=403
      setMyAvailability      DRIVER=200 COORDINATOR=403 POLICE=403 SHELTER_MANAGER=403 HOUSING_OFFICER=403
      getMyDriver            DRIVER=200 COORDINATOR=403 POLICE=403 SHELTER_MANAGER=403 HOUSING_OFFICER=403
      getPushPublicKey       DRIVER=200 COORDINATOR=403 POLICE=403 SHELTER_MANAGER=403 HOUSING_OFFICER=403
      subscribeToPush        DRIVER=204 COORDINATOR=403 POLICE=403 SHELTER_MANAGER=403 HOUSING_OFFICER=403
      unsubscribeFromPush    DRIVER=204 COORDINATOR=403 POLICE=403 SHELTER_MANAGER=403 HOUSING_OFFICER=403
      createRentalUnit       HOUSING_OFFICER=201 COORDINATOR=403 POLICE=403 SHELTER_MANAGER=403 DRIVER=403
      listRentalUnits        HOUSING_OFFICER=200 COORDINATOR=403 POLICE=403 SHELTER_MANAGER=403 DRIVER=403
      getRentalUnit          HOUSING_OFFICER=200 HOUSING_OFFICER*=404 COORDINATOR=403 POLICE=403 SHELTER_MANAGER=403 DRIVER=403
      updateRentalUnit       HOUSING_OFFICER=200 HOUSING_OFFICER*=404 COORDINATOR=403 POLICE=403 SHELTER_MANAGER=403 DRIVER=403
      createReferral         HOUSING_OFFICER=409 HOUSING_OFFICER*=404 COORDINATOR=403 POLICE=403 SHELTER_MANAGER=403 DRIVER=403
      listReferrals          HOUSING_OFFICER=200 COORDINATOR=200 POLICE=403 SHELTER_MANAGER=403 DRIVER=403
      getReferral            HOUSING_OFFICER=200 HOUSING_OFFICER*=404 COORDINATOR=200 POLICE=403 SHELTER_MANAGER=403 DRIVER=403
      getReferralStatistics  COORDINATOR=200 POLICE=403 SHELTER_MANAGER=403 HOUSING_OFFICER=403 DRIVER=403
      listReferralMatches    HOUSING_OFFICER=200 HOUSING_OFFICER*=404 COORDINATOR=403 POLICE=403 SHELTER_MANAGER=403 DRIVER=403
      offerUnit              HOUSING_OFFICER=200 HOUSING_OFFICER*=404 COORDINATOR=403 POLICE=403 SHELTER_MANAGER=403 DRIVER=403
      acceptOffer            HOUSING_OFFICER=200 HOUSING_OFFICER*=404 COORDINATOR=403 POLICE=403 SHELTER_MANAGER=403 DRIVER=403
      declineOffer           HOUSING_OFFICER=200 HOUSING_OFFICER*=404 COORDINATOR=403 POLICE=403 SHELTER_MANAGER=403 DRIVER=403
      recordMoveIn           HOUSING_OFFICER=409 HOUSING_OFFICER*=404 COORDINATOR=403 POLICE=403 SHELTER_MANAGER=403 DRIVER=403
      withdrawRentalUnit     HOUSING_OFFICER=200 HOUSING_OFFICER*=404 COORDINATOR=200 POLICE=403 SHELTER_MANAGER=403 DRIVER=403
      reportResidentMissing  SHELTER_MANAGER=200 SHELTER_MANAGER*=404 POLICE=403 COORDINATOR=403 HOUSING_OFFICER=403 DRIVER=403
      reportResidentReturned SHELTER_MANAGER=200 SHELTER_MANAGER*=404 POLICE=403 COORDINATOR=403 HOUSING_OFFICER=403 DRIVER=403
      checkOutPlacement      SHELTER_MANAGER=200 SHELTER_MANAGER*=404 POLICE=403 COORDINATOR=403 HOUSING_OFFICER=403 DRIVER=403
      """);

  private static final List<String> DRIVERS = List.of("demo-driver", "demo-driver-2", "demo-driver-3");

  private static LocalStack stack;
  private static StackClient client;
  /** The accounts behind each role: the record's own one, and one it is foreign to. */
  private static final Map<String, String> accounts = new HashMap<>();
  /** Fixture ids by path parameter name. */
  private static final Map<String, String> ids = new HashMap<>();
  private static final AtomicReference<String> heldPlacement = new AtomicReference<>();
  private static final Map<StackApp, Long> auditBefore = new HashMap<>();
  /** Every 403 the matrix received, as (service, actor, operation). */
  private static final List<List<String>> denials = new ArrayList<>();

  @BeforeAll
  static void fixture() {
    stack = RunningStack.get();
    client = new StackClient(stack);
    for (StackApp app : OpenApiSpecs.SERVICES.values()) {
      auditBefore.put(app, lastAuditSeq(app));
    }
    accounts.put("POLICE", "demo-police");
    accounts.put("POLICE*", StackClient.SECOND_POLICE);
    accounts.put("COORDINATOR", "demo-coordinator");
    accounts.put("SHELTER_MANAGER", "demo-shelter-manager");
    accounts.put("SHELTER_MANAGER*", "demo-shelter-manager-2");
    accounts.put("HOUSING_OFFICER", "demo-housing-officer");
    accounts.put("HOUSING_OFFICER*", "demo-housing-officer-2");

    // A held placement whose job a driver has accepted: the driver's own job and destination.
    String held = requestPlacement();
    heldPlacement.set(held);
    AtomicReference<String> job = new AtomicReference<>();
    AtomicReference<String> driver = new AtomicReference<>();
    await().atMost(EVENTUAL).untilAsserted(() -> {
      for (String candidate : DRIVERS) {
        for (JsonNode offered : client.get(candidate, "/api/transport/jobs").json()) {
          if (held.equals(offered.get("placementId").asString())) {
            driver.set(candidate);
            job.set(offered.get("id").asString());
          }
        }
      }
      assertThat(job.get()).as("a driver is offered the job of " + held).isNotNull();
    });
    ids.put("jobId", job.get());
    accounts.put("DRIVER", driver.get());
    accounts.put("DRIVER*", DRIVERS.stream().filter(d -> !d.equals(driver.get())).findFirst().orElseThrow());
    assertThat(client.post(driver.get(), "/api/transport/jobs/" + job.get() + "/accept", null).status()).isEqualTo(200);
    await().atMost(EVENTUAL).untilAsserted(() -> assertThat(
        client.get(driver.get(), "/api/transport/jobs/" + job.get() + "/destination").status()).isEqualTo(200));

    // A driver of its own, off duty in the Atlantic, for the coordinators' profile changes.
    Answer registered = client.post("demo-coordinator", "/api/transport/drivers", ValidRequests.body("registerDriver", Map.of()));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    ids.put("driverId", registered.json().get("id").asString());

    // A checked-in resident at shelter X (not the one demo-shelter-manager-2 runs), referred by
    // demo-housing-officer's agency.
    String checkedIn = requestPlacement();
    ids.put("placementId", checkedIn);
    String codeName = client.get("demo-police", "/api/placements/" + checkedIn).json().get("shelter").get("codeName").asString();
    for (JsonNode shelter : client.get("demo-coordinator", "/api/shelters").json()) {
      if (codeName.equals(shelter.get("codeName").asString())) {
        ids.put("shelterId", shelter.get("id").asString());
      }
    }
    assertThat(ids.get("shelterId")).isNotNull().isNotEqualTo("shelter-south-2");
    assertThat(client.post("demo-shelter-manager", "/api/placements/" + checkedIn + "/check-in", null).status())
        .isEqualTo(200);
    ids.put("unitId", createUnit("demo-housing-officer"));
    String foreignUnit = createUnit("demo-housing-officer-2");
    AtomicReference<String> referral = new AtomicReference<>();
    await().atMost(EVENTUAL).untilAsserted(() -> {
      Answer created = client.post("demo-housing-officer", "/api/referrals", "{\"placementId\": \"" + checkedIn + "\"}");
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      referral.set(created.json().get("id").asString());
    });
    ids.put("referralId", referral.get());
    // Own referral, another agency's unit: as unknown as a unit that does not exist.
    Answer foreign = client.post("demo-housing-officer", "/api/referrals/" + referral.get() + "/offers",
        "{\"unitId\": \"" + foreignUnit + "\"}");
    assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
  }

  @AfterAll
  static void cleanUp() {
    if (heldPlacement.get() != null) {
      client.post("demo-police", "/api/placements/" + heldPlacement.get() + "/cancel", null);
    }
  }

  @Test
  @Order(1)
  void everyOperationOfTheContractsHasARuleForEveryRole() {
    Set<String> specified = OpenApiSpecs.apiOperations().stream().map(Operation::operationId).collect(Collectors.toSet());
    assertThat(RULES.keySet()).as("rules for operations that are no longer in the contracts").isSubsetOf(specified);
    assertThat(specified).as("operations without a rule: add a row to RULES").isSubsetOf(RULES.keySet());
    for (Map.Entry<String, String> row : RULES.entrySet()) {
      Set<String> roles = parse(row.getValue()).keySet().stream().map(r -> r.replace("*", "")).collect(Collectors.toSet());
      assertThat(roles).as("roles named by the rule of " + row.getKey())
          .containsExactlyInAnyOrder(Arrays.stream(Role.values()).map(Enum::name).toArray(String[]::new));
    }
  }

  @Test
  @Order(2)
  void everyRoleGetsWhatTheRuleSaysForEveryOperation() {
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, String> row : RULES.entrySet()) {
      Operation operation = OpenApiSpecs.byId(row.getKey());
      String path = path(operation);

      Answer anonymous = client.send(null, operation.method(), path, body(operation), headers(operation));
      check(violations, operation, "no token", anonymous, Set.of(401));

      // Refusals first: they must change nothing the allowed calls after them rely on.
      List<Map.Entry<String, Set<Integer>>> cells = new ArrayList<>(parse(row.getValue()).entrySet());
      cells.sort(Comparator.comparing(cell -> allows(cell.getValue()) ? 1 : 0));
      for (Map.Entry<String, Set<Integer>> cell : cells) {
        String account = accounts.get(cell.getKey());
        Answer answer = client.send(account, operation.method(), path, body(operation), headers(operation));
        check(violations, operation, cell.getKey() + " (" + account + ")", answer, cell.getValue());
        // A 403, or a 404 that hides a record of someone else: both are denials to audit.
        if (answer.status() == 403 || (isForeign(cell.getKey()) && answer.status() == 404)) {
          denials.add(List.of(operation.app().name(), account, operation.template()));
        }
        if (operation.operationId().equals("requestPlacement") && answer.status() / 100 == 2) {
          client.post(account, "/api/placements/" + answer.json().get("id").asString() + "/cancel", null);
        }
      }
    }
    assertThat(violations).as("answers against the rules").isEmpty();
  }

  @Test
  @Order(3)
  void everyDenialIsInTheAuditTrailOfItsServiceWithoutPersonalValues() {
    assertThat(denials).as("the matrix produced denials").hasSizeGreaterThan(100);
    Map<StackApp, List<Document>> written = new HashMap<>();
    for (StackApp app : OpenApiSpecs.SERVICES.values()) {
      written.put(app, auditLog(app).find(Filters.and(Filters.gt("_id", auditBefore.get(app)),
          Filters.eq("action", "ACCESS_DENIED"))).into(new ArrayList<>()));
    }
    Map<String, Integer> missing = new TreeMap<>();
    for (List<String> denial : denials) {
      StackApp app = OpenApiSpecs.SERVICES.values().stream().filter(a -> a.name().equals(denial.get(0))).findFirst().orElseThrow();
      Document match = written.get(app).stream()
          .filter(e -> denial.get(1).equals(e.getString("actor")) && denial.get(2).equals(e.getString("recordId")))
          .findFirst().orElse(null);
      if (match == null) {
        missing.merge(denial.toString(), 1, Integer::sum);
      } else {
        written.get(app).remove(match);
        assertThat(match.getString("outcome")).isEqualTo("DENIED");
        assertThat(match.getString("actorRole")).isNotBlank().isNotEqualTo("NONE");
        assertThat(match.getString("purpose")).isIn("ROLE", "RECORD", "PATH");
      }
    }
    assertThat(missing).as("denials (403, foreign 404) without an audit entry").isEmpty();
    for (StackApp app : OpenApiSpecs.SERVICES.values()) {
      for (Document entry : auditLog(app).find(Filters.gt("_id", auditBefore.get(app)))) {
        // ids and codes only: fixture ids are fine, nothing the callers typed into a body.
        assertThat(entry.toJson()).doesNotContain("Rue du Test", "PJ-SEC", "KA-1");
      }
      AuditTrail.AuditVerification chain = stack.context(app).orElseThrow().getBean(AuditTrail.class).verify();
      assertThat(chain.intact()).as("audit chain of " + app.name() + ": " + chain).isTrue();
    }
  }

  @Test
  @Order(4)
  void listsShowEachAccountOnlyItsOwnRecords() {
    String shelter = ids.get("shelterId");
    assertThat(client.get("demo-shelter-manager-2", "/api/shelters").body()).doesNotContain(shelter);
    assertThat(client.get("demo-shelter-manager", "/api/shelters").body()).contains(shelter);
    assertThat(client.get(accounts.get("DRIVER*"), "/api/transport/jobs").body()).doesNotContain(ids.get("jobId"));
    assertThat(client.get(accounts.get("DRIVER"), "/api/transport/jobs").body()).contains(ids.get("jobId"));
    assertThat(client.get("demo-housing-officer-2", "/api/referrals").body()).doesNotContain(ids.get("referralId"));
    assertThat(client.get("demo-housing-officer", "/api/referrals").body()).contains(ids.get("referralId"));
    assertThat(client.get("demo-coordinator", "/api/referrals").body()).contains(ids.get("referralId"));
    assertThat(client.get("demo-housing-officer-2", "/api/rental-units").body()).doesNotContain(ids.get("unitId"));
    // The resident reported missing during the matrix raised an alert for her police account only.
    await().atMost(EVENTUAL).untilAsserted(() ->
        assertThat(client.get("demo-police", "/api/alerts").body()).contains(ids.get("placementId")));
    assertThat(client.get(StackClient.SECOND_POLICE, "/api/alerts").body()).doesNotContain(ids.get("placementId"));
    // Police see status and code name, never where: no address, no match reasons.
    JsonNode placement = client.get("demo-police", "/api/placements/" + ids.get("placementId")).json();
    assertThat(placement.has("matchReasons")).isFalse();
    assertThat(placement.toString()).doesNotContainIgnoringCase("address").doesNotContain("\"lat\"");
    // What to prepare: for coordinators (and her shelter's manager) while a bed is held, never for police.
    String held = "/api/placements/" + heldPlacement.get();
    assertThat(client.get("demo-coordinator", held).json().get("arrival").get("ageBand").asString()).isEqualTo("AGE_14_15");
    assertThat(client.get("demo-police", held).json().has("arrival")).isFalse();
    assertThat(client.get("demo-coordinator", "/api/placements/" + ids.get("placementId")).json().has("arrival"))
        .as("gone once she was checked out").isFalse();
  }

  private static void check(List<String> violations, Operation operation, String who, Answer answer, Set<Integer> expected) {
    String where = operation + " as " + who + ": " + answer;
    if (!expected.contains(answer.status())) {
      violations.add("expected " + expected + " for " + where);
    } else if (answer.status() >= 400 && !answer.isProblem()) {
      violations.add("not problem+json: " + where);
    } else {
      // Allowed calls answer with the fixture's real records: their bodies must match the contract too.
      ContractResponses.violation(operation, answer)
          .ifPresent(violation -> violations.add("answer off the contract (" + violation + "): " + where));
    }
  }

  /** {@code ROLE*}: an account of the role to which the fixture's record is foreign. */
  private static boolean isForeign(String cell) {
    return cell.endsWith("*");
  }

  private static boolean allows(Set<Integer> codes) {
    return codes.stream().noneMatch(code -> code == 401 || code == 403 || code == 404);
  }

  private static String path(Operation operation) {
    String path = operation.path();
    Matcher parameter = Pattern.compile("\\{([^}]+)}").matcher(path);
    StringBuilder filled = new StringBuilder();
    while (parameter.find()) {
      String name = parameter.group(1);
      String value = name.equals("bedId") ? freeBedOf(ids.get("shelterId")) : ids.get(name);
      assertThat(value).as("fixture value for {" + name + "} of " + operation).isNotNull();
      parameter.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    parameter.appendTail(filled);
    return filled.toString();
  }

  private static String body(Operation operation) {
    if (operation.bodySchema() == null) {
      return null;
    }
    String body = ValidRequests.body(operation.operationId(), ids);
    assertThat(body).as("a valid body for " + operation + " in ValidRequests").isNotNull();
    return body;
  }

  private static Map<String, String> headers(Operation operation) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map<String, Object> header : operation.parametersIn("header")) {
      if ("Idempotency-Key".equals(header.get("name"))) {
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
      }
    }
    if (operation.eventStream()) {
      headers.put("Accept", "text/event-stream, application/problem+json");
    }
    return headers;
  }

  private static String freeBedOf(String shelterId) {
    for (JsonNode bed : client.get("demo-coordinator", "/api/shelters/" + shelterId + "/beds").json()) {
      if ("AVAILABLE".equals(bed.get("status").asString())) {
        return bed.get("id").asString();
      }
    }
    throw new AssertionError("no free bed left at " + shelterId);
  }

  private static String requestPlacement() {
    Answer created = client.send("demo-police", "POST", "/api/placements",
        ValidRequests.body("requestPlacement", Map.of()),
        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  private static String createUnit(String officer) {
    Answer created = client.post(officer, "/api/rental-units", ValidRequests.body("createRentalUnit", Map.of()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  private static com.mongodb.client.MongoCollection<Document> auditLog(StackApp app) {
    return stack.context(app).orElseThrow().getBean(MongoTemplate.class).getCollection(AuditTrail.COLLECTION);
  }

  private static long lastAuditSeq(StackApp app) {
    Document last = auditLog(app).find().sort(Sorts.descending("_id")).limit(1).first();
    return last == null ? 0 : last.getLong("_id");
  }

  /** {@code ROLE=code|code} cells of one row, in the row's order. */
  static Map<String, Set<Integer>> parse(String cells) {
    Map<String, Set<Integer>> parsed = new LinkedHashMap<>();
    for (String cell : cells.trim().split("\\s+")) {
      String[] roleAndCodes = cell.split("=");
      Set<Integer> codes = Arrays.stream(roleAndCodes[1].split("\\|")).map(Integer::valueOf).collect(Collectors.toSet());
      if (parsed.put(roleAndCodes[0], codes) != null) {
        throw new IllegalArgumentException("role named twice: " + cell);
      }
    }
    return parsed;
  }

  private static Map<String, String> rules(String table) {
    Map<String, String> rows = new LinkedHashMap<>();
    for (String line : table.strip().split("\n")) {
      String[] idAndCells = line.strip().split("\\s+", 2);
      if (rows.put(idAndCells[0], idAndCells[1]) != null) {
        throw new IllegalArgumentException("two rules for " + idAndCells[0]);
      }
    }
    return rows;
  }

  /** Roles whose calls are allowed by a row (its non-refusal cells). */
  static Set<Role> allowedRoles(String operationId) {
    Set<Role> allowed = EnumSet.noneOf(Role.class);
    parse(RULES.get(operationId)).forEach((role, codes) -> {
      if (!role.endsWith("*") && allows(codes)) {
        allowed.add(Role.valueOf(role));
      }
    });
    return allowed;
  }
}
