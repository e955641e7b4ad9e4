package org.safebed.localstack.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safebed.localstack.journey.RunningStack;
import org.safebed.localstack.security.OpenApiSpecs.Operation;
import org.safebed.localstack.security.StackClient.Answer;
import org.safebed.localstack.security.TcasesRequests.Generated;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The failure cases Tcases for OpenAPI generates from the contracts, sent through the gateway: every
 * one must be refused with a 4xx problem+json the contract declares for the operation and whose
 * body matches the contract's schema; none may answer 5xx or be accepted. A case without the bearer
 * credential must be refused before anything else. The few {@linkplain #lenient harmless ones} a
 * server may accept must still answer as the contract says.
 */
class TcasesNegativeIT {

  private static StackClient client;

  @BeforeAll
  static void startStack() {
    client = new StackClient(RunningStack.get());
  }

  @Test
  void everyGeneratedFailureCaseIsRefusedAsTheContractSays() throws Exception {
    Map<Operation, List<Generated>> byOperation = TcasesRequests.all().stream()
        .filter(Generated::failure)
        .collect(Collectors.groupingBy(Generated::operation, LinkedHashMap::new, Collectors.toList()));
    assertThat(byOperation.keySet()).as("every /api operation has generated failure cases")
        .containsExactlyInAnyOrderElementsOf(OpenApiSpecs.apiOperations());

    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    Map<String, Integer> lenient = new ConcurrentSkipListMap<>();
    ExecutorService workers = Executors.newFixedThreadPool(3);
    List<Future<Integer>> runs = new ArrayList<>();
    byOperation.forEach((operation, cases) -> runs.add(workers.submit(() -> refuseAll(operation, cases, failures, lenient))));
    int sent = 0;
    for (Future<Integer> run : runs) {
      sent += run.get();
    }
    workers.shutdown();
    System.out.println("[tcases] seed " + TcasesRequests.SEED + ": " + sent + " generated failure cases over "
        + byOperation.size() + " operations; accepted leniently: " + lenient);
    assertThat(sent).isGreaterThan(300);
    assertThat(failures).as("generated failure cases not refused as the contract says").isEmpty();
  }

  /**
   * Invalid by the letter of the contract, harmless in effect, so a server may accept it: an
   * optional query parameter sent without a value ({@code ?limit}) or with an empty one
   * ({@code ?limit=}) reads as one not sent, and a string query parameter "of another type" is only
   * text in a URL ({@code ?region=true} names the region "true", which may well fit its pattern). A
   * required parameter without a value never qualifies, and neither do duplicates in a
   * {@code uniqueItems} list ({@code Items.Unique=No}): they are refused, not collapsed into the set
   * (a case Tcases could only fill with one item has no repeat, so it is valid as sent).
   */
  static boolean lenient(Generated generated) {
    if (emptyOptionalQueryValue(generated) || uniqueListSentWithoutRepeats(generated)) {
      return true;
    }
    String invalid = generated.invalidInput();
    if (invalid.endsWith(".Type=Not string")) {
      String name = invalid.substring(0, invalid.length() - ".Type=Not string".length());
      return generated.operation().parametersIn("query").stream().anyMatch(p -> name.equals(p.get("name")));
    }
    if (!invalid.endsWith(".Type=null")) {
      return false;
    }
    String name = invalid.substring(0, invalid.length() - ".Type=null".length());
    return generated.operation().parametersIn("query").stream()
        .anyMatch(p -> name.equals(p.get("name")) && !Boolean.TRUE.equals(p.get("required")));
  }

  /**
   * Tcases asked for a {@code uniqueItems} list with a repeated item but, for a list it could fill
   * with one item only, sent a list without any: valid as sent, so it may be accepted.
   */
  private static boolean uniqueListSentWithoutRepeats(Generated generated) {
    String invalid = generated.invalidInput();
    if (!invalid.endsWith(".Items.Unique=No") || generated.body() == null) {
      return false;
    }
    String path = invalid.substring(0, invalid.length() - ".Items.Unique=No".length());
    String property = path.substring(path.lastIndexOf('.') + 1);
    JsonNode list = JsonMapper.builder().build().readTree(generated.body()).findValue(property);
    if (list == null || !list.isArray()) {
      return false;
    }
    Set<String> seen = new HashSet<>();
    for (JsonNode item : list) {
      if (!seen.add(item.toString())) {
        return false;
      }
    }
    return true;
  }

  /** The case's invalid parameter is an optional query parameter, sent as {@code name=} with nothing after. */
  private static boolean emptyOptionalQueryValue(Generated generated) {
    String invalid = generated.invalidInput();
    int dot = invalid.indexOf('.');
    if (dot < 0) {
      return false;
    }
    String name = invalid.substring(0, dot);
    String path = generated.path();
    boolean sentEmpty = path.endsWith("?" + name + "=") || path.endsWith("&" + name + "=")
        || path.contains("?" + name + "=&") || path.contains("&" + name + "=&");
    return sentEmpty && generated.operation().parametersIn("query").stream()
        .anyMatch(p -> name.equals(p.get("name")) && !Boolean.TRUE.equals(p.get("required")));
  }

  private static int refuseAll(Operation operation, List<Generated> cases, List<String> failures,
      Map<String, Integer> lenient) {
    String account = SpecNegativeIT.accountAllowedToCall(operation);
    for (Generated generated : cases) {
      Answer answer = client.send(generated.withoutCredential() ? null : account, operation.method(),
          generated.path(), generated.body(), generated.headers());
      String where = generated + ": " + answer;
      if (answer.status() >= 500) {
        failures.add("5xx for " + where);
      } else if (answer.status() < 400) {
        if (lenient(generated)) {
          lenient.merge(operation.operationId() + ": " + generated.invalidInput(), 1, Integer::sum);
          ContractResponses.violation(operation, answer)
              .ifPresent(violation -> failures.add("answer off the contract (" + violation + "): " + where));
        } else {
          failures.add("accepted " + where);
        }
        SpecNegativeIT.cleanUp(client, operation, account, answer);
      } else if (generated.withoutCredential() && answer.status() != 401) {
        failures.add("not 401 without a credential: " + where);
      } else if (!answer.isProblem()) {
        failures.add("not problem+json: " + where);
      } else {
        ContractResponses.violation(operation, answer)
            .ifPresent(violation -> failures.add("answer off the contract (" + violation + "): " + where));
      }
    }
    return cases.size();
  }
}
