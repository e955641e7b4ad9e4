package org.safebed.localstack.security;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.safebed.localstack.apps.StackApp;
import org.safebed.localstack.apps.StackApps;
import org.yaml.snakeyaml.Yaml;

/**
 * The REST contracts of the three services, read from {@code api-specs/openapi}: every operation
 * under {@code /api/**} with its parameters, request body schema and declared status codes, local
 * {@code $ref}s resolved. Tests enumerate operations from here so a new endpoint cannot slip past.
 */
final class OpenApiSpecs {

  /** The spec file of each service, and the application that serves it in the local stack. */
  static final Map<String, StackApp> SERVICES = Map.of(
      "shelter-occupancy-service.yaml", StackApps.SHELTER_OCCUPANCY,
      "transport-service.yaml", StackApps.TRANSPORT,
      "rental-referral-service.yaml", StackApps.RENTAL_REFERRAL);

  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
  private static List<Operation> operations;

  private OpenApiSpecs() {}

  /** One operation of a contract. */
  record Operation(
      String specFile,
      String method,
      String path,
      String operationId,
      List<Map<String, Object>> parameters,
      Map<String, Object> bodySchema,
      Set<Integer> declaredStatuses,
      boolean eventStream,
      Spec spec) {

    StackApp app() {
      return SERVICES.get(specFile);
    }

    /** {@code GET /api/placements/{placementId}}, as the platform audits it. */
    String template() {
      return method + " " + path;
    }

    List<Map<String, Object>> parametersIn(String location) {
      return parameters.stream().filter(p -> location.equals(p.get("in"))).toList();
    }

    @Override
    public String toString() {
      return operationId + " (" + template() + ")";
    }
  }

  /** One parsed spec document, for resolving {@code #/components/...} references. */
  record Spec(Map<String, Object> root) {

    @SuppressWarnings("unchecked")
    Map<String, Object> resolve(Object node) {
      Map<String, Object> map = (Map<String, Object>) node;
      int hops = 0;
      while (map != null && map.containsKey("$ref")) {
        String ref = (String) map.get("$ref");
        if (!ref.startsWith("#/") || ++hops > 20) {
          throw new IllegalStateException("unsupported $ref " + ref);
        }
        Object target = root;
        for (String part : ref.substring(2).split("/")) {
          target = ((Map<String, Object>) target).get(part);
        }
        map = (Map<String, Object>) target;
      }
      return map;
    }
  }

  static synchronized List<Operation> apiOperations() {
    if (operations == null) {
      List<Operation> all = new ArrayList<>();
      for (String file : SERVICES.keySet().stream().sorted().toList()) {
        all.addAll(read(directory().resolve(file), file));
      }
      operations = List.copyOf(all);
    }
    return operations;
  }

  static Operation byId(String operationId) {
    return apiOperations().stream().filter(op -> op.operationId().equals(operationId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no operation " + operationId));
  }

  /** {@code api-specs/openapi} of this repository, whichever directory the tests run from. */
  static Path directory() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("api-specs/openapi");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("api-specs/openapi not found above " + Path.of("").toAbsolutePath());
  }

  @SuppressWarnings("unchecked")
  private static List<Operation> read(Path file, String name) {
    Map<String, Object> root;
    try (Reader reader = Files.newBufferedReader(file)) {
      root = new Yaml().load(reader);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
    Spec spec = new Spec(root);
    List<Operation> found = new ArrayList<>();
    Map<String, Object> paths = (Map<String, Object>) root.get("paths");
    for (Map.Entry<String, Object> path : paths.entrySet()) {
      if (!path.getKey().startsWith("/api/")) {
        continue;
      }
      Map<String, Object> item = (Map<String, Object>) path.getValue();
      List<Map<String, Object>> shared = resolveAll(spec, (List<Object>) item.get("parameters"));
      for (String method : METHODS) {
        Map<String, Object> operation = (Map<String, Object>) item.get(method);
        if (operation == null) {
          continue;
        }
        List<Map<String, Object>> parameters = new ArrayList<>(shared);
        parameters.addAll(resolveAll(spec, (List<Object>) operation.get("parameters")));
        Map<String, Object> body = null;
        Map<String, Object> requestBody = spec.resolve(operation.get("requestBody"));
        if (requestBody != null) {
          Map<String, Object> content = (Map<String, Object>) requestBody.get("content");
          Map<String, Object> json = (Map<String, Object>) content.get("application/json");
          body = json == null ? null : spec.resolve(json.get("schema"));
        }
        Set<Integer> statuses = new LinkedHashSet<>();
        boolean eventStream = false;
        Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
        for (Map.Entry<String, Object> response : responses.entrySet()) {
          statuses.add(Integer.parseInt(String.valueOf(response.getKey())));
          Map<String, Object> resolved = spec.resolve(response.getValue());
          Map<String, Object> content = (Map<String, Object>) resolved.get("content");
          eventStream |= content != null && content.containsKey("text/event-stream");
        }
        found.add(new Operation(name, method.toUpperCase(Locale.ROOT), path.getKey(),
            (String) operation.get("operationId"), List.copyOf(parameters), body, Set.copyOf(statuses),
            eventStream, spec));
      }
    }
    return found;
  }

  private static List<Map<String, Object>> resolveAll(Spec spec, List<Object> parameters) {
    List<Map<String, Object>> resolved = new ArrayList<>();
    if (parameters != null) {
      for (Object parameter : parameters) {
        Map<String, Object> p = new LinkedHashMap<>(spec.resolve(parameter));
        p.put("schema", spec.resolve(p.get("schema")));
        resolved.add(p);
      }
    }
    return resolved;
  }
}
