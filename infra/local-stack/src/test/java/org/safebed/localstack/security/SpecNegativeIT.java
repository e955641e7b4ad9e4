package org.safebed.localstack.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safebed.localstack.journey.RunningStack;
import org.safebed.localstack.security.AuthorisationMatrixIT.Role;
import org.safebed.localstack.security.InvalidVariants.Variant;
import org.safebed.localstack.security.OpenApiSpecs.Operation;
import org.safebed.localstack.security.StackClient.Answer;

/**
 * Spec-driven negative tests: for every operation under {@code /api/**} of the three contracts,
 * the invalid variants {@link InvalidVariants} derives from its schemas go through the gateway with
 * a token of a role the operation allows. None may answer 5xx or 2xx, every answer must be
 * problem+json with a status the contract declares for the operation and a body that matches the
 * contract's schema ({@link ContractResponses}), and so must the answer to the valid request. Records are
 * addressed by fresh ids, so an answer is never about the shape of real data.
 */
class SpecNegativeIT {

  /** An account of each role; not the journeys' police account, whose active holds are capped. */
  private static final Map<Role, String> ACCOUNTS = Map.of(
      Role.POLICE, StackClient.SECOND_POLICE,
      Role.COORDINATOR, "demo-coordinator",
      Role.SHELTER_MANAGER, "demo-shelter-manager",
      Role.HOUSING_OFFICER, "demo-housing-officer",
      Role.DRIVER, "demo-driver-3");

  private static StackClient client;

  @BeforeAll
  static void startStack() {
    client = new StackClient(RunningStack.get());
  }

  @Test
  void everyInvalidVariantOfEveryOperationIsRefusedAsTheContractSays() throws Exception {
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger sent = new AtomicInteger();
    // Operations side by side (each one's variants in order): the stack has idle cores while one waits.
    ExecutorService workers = Executors.newFixedThreadPool(3);
    List<Future<?>> runs = new ArrayList<>();
    for (Operation operation : OpenApiSpecs.apiOperations()) {
      runs.add(workers.submit(() -> refuseEveryVariant(operation, failures, sent)));
    }
    for (Future<?> run : runs) {
      run.get();
    }
    workers.shutdown();
    System.out.println("[negative] " + sent + " invalid requests");
    assertThat(sent.get()).isGreaterThan(300);
    assertThat(failures).as("invalid requests not refused as the contract says").isEmpty();
  }

  private static void refuseEveryVariant(
      Operation operation, List<String> failures, AtomicInteger sent) {
    String account = accountAllowedToCall(operation);
    Map<String, String> ids = freshIds();
    String validBody = ValidRequests.body(operation.operationId(), ids);
    Map<String, String> headers = validHeaders(operation);

    Answer valid = client.send(account, operation.method(), fill(operation.path(), ids), validBody, headers);
    if (valid.status() == 400 || valid.status() >= 500) {
      failures.add("the valid request of " + operation + " is refused: " + valid);
    }
    ContractResponses.violation(operation, valid).ifPresent(violation -> failures.add(
        "the answer to the valid request of " + operation + " is off the contract (" + violation + "): " + valid));
    cleanUp(client, operation, account, valid);

    for (Variant variant : InvalidVariants.of(operation, ids, validBody, headers)) {
      Map<String, String> variantHeaders = new LinkedHashMap<>(variant.headers());
      if (variantHeaders.containsKey("Idempotency-Key") && !variant.what().contains("Idempotency-Key")) {
        variantHeaders.put("Idempotency-Key", UUID.randomUUID().toString()); // a new intent each time
      }
      Answer answer = client.send(account, operation.method(), variant.path(), variant.body(), variantHeaders);
      sent.incrementAndGet();
      String where = operation + " as " + account + ", " + variant.what() + ": " + answer;
      if (answer.status() >= 500) {
        failures.add("5xx for " + where);
      } else if (answer.status() < 400) {
        // No leniency: a repeated item of a set, a repeated key or a control character is refused too.
        failures.add("accepted " + where);
        cleanUp(client, operation, account, answer);
      } else if (!answer.isProblem()) {
        failures.add("not problem+json: " + where);
      } else {
        ContractResponses.violation(operation, answer)
            .ifPresent(violation -> failures.add("answer off the contract (" + violation + "): " + where));
      }
    }
  }

  /** An account of the first role the authorisation matrix lets call the operation. */
  static String accountAllowedToCall(Operation operation) {
    Role role = AuthorisationMatrixIT.allowedRoles(operation.operationId()).stream().findFirst()
        .orElseThrow(() -> new AssertionError("no role may call " + operation));
    return ACCOUNTS.get(role);
  }

  private static Map<String, String> freshIds() {
    String n = UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("placementId", "neg-" + n);
    ids.put("shelterId", "neg-" + n);
    ids.put("bedId", "neg-" + n + "-bed-1");
    ids.put("jobId", "job-neg-" + n);
    ids.put("referralId", "ref-neg-" + n);
    ids.put("unitId", "unit-neg-" + n);
    ids.put("driverId", "drv-neg-" + n);
    return ids;
  }

  private static Map<String, String> validHeaders(Operation operation) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map<String, Object> header : operation.parametersIn("header")) {
      if ("Idempotency-Key".equals(header.get("name"))) {
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
      }
    }
    headers.put("Accept", operation.eventStream()
        ? "text/event-stream, application/problem+json" : "application/json, application/problem+json");
    return headers;
  }

  private static String fill(String template, Map<String, String> ids) {
    String path = template;
    for (Map.Entry<String, String> id : ids.entrySet()) {
      path = path.replace("{" + id.getKey() + "}", id.getValue());
    }
    return path;
  }

  /**
   * Something an invalid (or the valid) request created must not linger: a placement holds a bed or
   * waits for one, and an open shelter could be matched to another test's placement.
   */
  static void cleanUp(StackClient client, Operation operation, String account, Answer answer) {
    if (answer.status() / 100 != 2) {
      return;
    }
    switch (operation.operationId()) {
      case "requestPlacement" ->
          client.post(account, "/api/placements/" + answer.json().get("id").asString() + "/cancel", null);
      case "createShelter" -> client.put(account, "/api/shelters/" + answer.json().get("id").asString() + "/status",
          "{\"status\": \"CLOSED\"}");
      default -> { }
    }
  }
}
