package org.safebed.localstack.security;

import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cornutum.tcases.SystemTestDef;
import org.cornutum.tcases.openapi.ModelOptions;
import org.cornutum.tcases.openapi.io.TcasesOpenApiIO;
import org.cornutum.tcases.openapi.resolver.MessageData;
import org.cornutum.tcases.openapi.resolver.ParamData;
import org.cornutum.tcases.openapi.resolver.RequestCase;
import org.cornutum.tcases.openapi.resolver.RequestCases;
import org.cornutum.tcases.openapi.testwriter.RequestCaseUtils;
import org.cornutum.tcases.openapi.testwriter.encoder.DataValueJson;
import org.cornutum.tcases.resolve.ResolverContext;
import org.safebed.localstack.security.OpenApiSpecs.Operation;

/**
 * The request cases Tcases for OpenAPI generates from our contracts, rendered as HTTP requests:
 * Tcases models each operation's inputs (parameters, body properties, their types, ranges, patterns
 * and enums, and the bearer credential) and covers every value class at least once, valid and
 * invalid. An independent generator on purpose: {@link InvalidVariants} is ours and shares our
 * blind spots. The random values come from a fixed seed, so a failure reproduces.
 */
final class TcasesRequests {

  static final long SEED = 20261206L;

  private TcasesRequests() {}

  /**
   * One generated request.
   *
   * @param invalidInput what Tcases made invalid, {@code null} for a case that should succeed
   * @param withoutCredential whether the case is the one that leaves out the bearer token
   */
  record Generated(
      Operation operation, String path, String body, Map<String, String> headers,
      String invalidInput, boolean withoutCredential, String name) {

    boolean failure() {
      return invalidInput != null;
    }

    @Override
    public String toString() {
      return operation + " case " + name + (failure() ? " [invalid: " + invalidInput + "]" : "")
          + " as " + path;
    }
  }

  /** The generated cases of every {@code /api/**} operation of the three contracts. */
  static List<Generated> all() {
    List<Generated> all = new ArrayList<>();
    for (String file : OpenApiSpecs.SERVICES.keySet().stream().sorted().toList()) {
      File spec = OpenApiSpecs.directory().resolve(file).toFile();
      SystemTestDef tests = TcasesOpenApiIO.getRequestTests(spec, ModelOptions.builder().readOnlyEnforced().build());
      ResolverContext resolver = ResolverContext.builder(file).random(new Random(SEED)).build();
      for (RequestCase requestCase : RequestCases.getRequestCases(tests, resolver).getRequestCases()) {
        if (requestCase.getPath().startsWith("/api/")) {
          all.add(render(operationOf(requestCase), requestCase));
        }
      }
    }
    return all;
  }

  private static Operation operationOf(RequestCase requestCase) {
    return OpenApiSpecs.apiOperations().stream()
        .filter(op -> op.path().equals(requestCase.getPath())
            && op.method().equalsIgnoreCase(requestCase.getOperation()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no operation for " + requestCase));
  }

  private static Generated render(Operation operation, RequestCase requestCase) {
    String path = operation.path();
    List<String> query = new ArrayList<>();
    Map<String, String> headers = new LinkedHashMap<>();
    for (ParamData param : requestCase.getParams()) {
      switch (param.getLocation()) {
        case PATH -> path = path.replace("{" + param.getName() + "}", pathValue(param));
        case QUERY -> RequestCaseUtils.getQueryParameters(param).forEach(entry -> query.add(
            entry.getValue() == null ? encode(entry.getKey()) : encode(entry.getKey()) + "=" + encode(entry.getValue())));
        case HEADER -> RequestCaseUtils.getHeaderParameterValue(param)
            .ifPresent(value -> headers.put(param.getName(), value));
        case COOKIE -> RequestCaseUtils.getCookieParameters(param)
            .forEach(entry -> headers.merge("Cookie", entry.getKey() + "=" + entry.getValue(), (a, b) -> a + "; " + b));
      }
    }
    if (!query.isEmpty()) {
      path += "?" + String.join("&", query);
    }
    String body = null;
    MessageData message = requestCase.getBody();
    if (message != null && message.getValue() != null) {
      String mediaType = message.getMediaType() == null ? "application/json" : message.getMediaType();
      headers.put("Content-Type", mediaType);
      body = mediaType.contains("json")
          ? DataValueJson.toJson(message.getValue())
          : String.valueOf(message.getValue().getValue());
    }
    headers.putIfAbsent("Accept", operation.eventStream()
        ? "text/event-stream, application/problem+json" : "application/json, application/problem+json");
    return new Generated(operation, path, body, headers, requestCase.getInvalidInput(),
        requestCase.isAuthFailure(), requestCase.getId() + " " + requestCase.getName());
  }

  /** A path segment as sent: a generated empty value must still leave the segment in place. */
  private static String pathValue(ParamData param) {
    String value = RequestCaseUtils.getPathParameterValue(param);
    return value == null || value.isEmpty() ? "%20" : encode(value).replace("+", "%20");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
