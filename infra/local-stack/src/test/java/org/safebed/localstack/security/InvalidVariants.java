package org.safebed.localstack.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.safebed.localstack.security.OpenApiSpecs.Operation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Invalid variants of a valid request, derived from the operation's schemas: each breaks exactly
 * one rule of the contract (a missing required property, a value of the wrong JSON type, a number
 * out of range, a string too long or off its pattern, a value outside its enum, too many or too few
 * items, a repeated item of a {@code uniqueItems} list, an unknown property, a {@code $}- or dotted
 * key, a Mongo operator in place of a value, a control character in a text), plus malformed JSON, a
 * repeated property, invalid path, query and header parameters.
 */
final class InvalidVariants {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private InvalidVariants() {}

  /** @param what the rule it breaks, e.g. {@code /person/ageYears above maximum 25} */
  record Variant(String what, String path, String body, Map<String, String> headers) {}

  static List<Variant> of(Operation operation, Map<String, String> pathValues, String validBody,
      Map<String, String> validHeaders) {
    List<Variant> variants = new ArrayList<>();
    String validPath = fill(operation.path(), pathValues);
    if (operation.bodySchema() != null) {
      JsonNode root = StackClient.JSON.readTree(validBody);
      new BodyWalk(operation, root, validPath, validHeaders, variants)
          .walk(operation.bodySchema(), root, new ArrayList<>(), "", true);
      malformed(validBody, validPath, validHeaders, variants);
    }
    for (Map<String, Object> parameter : operation.parametersIn("path")) {
      String name = (String) parameter.get("name");
      for (Map.Entry<String, String> bad : badTexts(schema(operation, parameter), true).entrySet()) {
        Map<String, String> values = new LinkedHashMap<>(pathValues);
        values.put(name, bad.getValue());
        variants.add(new Variant("path {" + name + "} " + bad.getKey(), fill(operation.path(), values), validBody,
            validHeaders));
      }
    }
    for (Map<String, Object> parameter : operation.parametersIn("query")) {
      String name = (String) parameter.get("name");
      for (Map.Entry<String, String> bad : badTexts(schema(operation, parameter), false).entrySet()) {
        variants.add(new Variant("query " + name + " " + bad.getKey(),
            validPath + "?" + name + "=" + URLEncoder.encode(bad.getValue(), StandardCharsets.UTF_8),
            validBody, validHeaders));
      }
    }
    for (Map<String, Object> parameter : operation.parametersIn("header")) {
      String name = (String) parameter.get("name");
      if (Boolean.TRUE.equals(parameter.get("required"))) {
        Map<String, String> without = new LinkedHashMap<>(validHeaders);
        without.remove(name);
        variants.add(new Variant("header " + name + " missing", validPath, validBody, without));
      }
      for (Map.Entry<String, String> bad : badTexts(schema(operation, parameter), false).entrySet()) {
        Map<String, String> headers = new LinkedHashMap<>(validHeaders);
        headers.put(name, bad.getValue());
        variants.add(new Variant("header " + name + " " + bad.getKey(), validPath, validBody, headers));
      }
    }
    return variants;
  }

  private static Map<String, Object> schema(Operation operation, Map<String, Object> parameter) {
    return operation.spec().resolve(parameter.get("schema"));
  }

  /** Texts a string parameter (path, query or header) must refuse, by its schema. */
  private static Map<String, String> badTexts(Map<String, Object> schema, boolean inPath) {
    Map<String, String> bad = new LinkedHashMap<>();
    String type = (String) schema.get("type");
    if (schema.get("enum") instanceof List<?>) {
      bad.put("outside its enum", "NOT_A_VALUE");
    }
    if ("integer".equals(type) || "number".equals(type)) {
      bad.put("not a number", "abc");
      if (schema.get("minimum") instanceof Number min) {
        bad.put("below minimum", String.valueOf(min.longValue() - 1));
      }
      if (schema.get("maximum") instanceof Number max) {
        bad.put("above maximum", String.valueOf(max.longValue() + 1));
      }
      bad.put("beyond int64", "99999999999999999999999");
    }
    if ("boolean".equals(type)) {
      bad.put("not a boolean", "maybe");
    }
    if ("string".equals(type) && !(schema.get("enum") instanceof List<?>)) {
      if ("uuid".equals(schema.get("format"))) {
        bad.put("not a uuid", "not-a-uuid");
      }
      if (schema.get("pattern") != null) {
        bad.put("off its pattern", inPath ? "BAD!id$" : "bad value! <>");
      }
      if (schema.get("maxLength") instanceof Number max) {
        bad.put("too long", "a".repeat(max.intValue() + 1));
      } else if (schema.get("pattern") != null) {
        bad.put("far too long", "a".repeat(300));
      }
      bad.put("operator injection", "{\"$ne\":null}");
    }
    if (inPath) {
      bad.replaceAll((k, v) -> URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return bad;
  }

  private static String fill(String template, Map<String, String> values) {
    String path = template;
    for (Map.Entry<String, String> value : values.entrySet()) {
      path = path.replace("{" + value.getKey() + "}", value.getValue());
    }
    return path;
  }

  private static void malformed(String valid, String path, Map<String, String> headers, List<Variant> variants) {
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("truncated JSON", valid.substring(0, valid.length() / 2));
    bodies.put("not JSON", "policeCaseRef=PJ-1&ageYears=14");
    bodies.put("empty body", "");
    bodies.put("JSON null", "null");
    bodies.put("a JSON array", "[" + valid + "]");
    bodies.put("a JSON string", "\"" + valid.replace("\"", "'") + "\"");
    bodies.put("trailing garbage", valid + "}");
    bodies.put("a duplicate key", valid.replaceFirst("\\{", "{\"x\": 1, \"x\": 2, "));
    bodies.put("nesting 5000 deep", "[".repeat(5000) + "]".repeat(5000));
    bodies.put("a 2000-digit number", "{\"x\": " + "9".repeat(2000) + "}");
    bodies.put("a lone surrogate", valid.replaceFirst("\"", "\"\\\\uD800"));
    JsonNode root = StackClient.JSON.readTree(valid);
    if (root.isObject() && !root.isEmpty()) {
      // A real property twice, with its own valid value, so that only the repetition is wrong (a
      // lenient parser applies the last one).
      Map.Entry<String, JsonNode> first = root.properties().iterator().next();
      bodies.put("a repeated property", valid.replaceFirst("\\{", java.util.regex.Matcher.quoteReplacement(
          "{" + StackClient.JSON.writeValueAsString(first.getKey()) + ": "
              + StackClient.JSON.writeValueAsString(first.getValue()) + ", ")));
    }
    bodies.forEach((what, body) -> variants.add(new Variant("body " + what, path, body, headers)));
  }

  /** Walks a body along its schema, adding a variant for every rule each value must keep. */
  private record BodyWalk(
      Operation operation, JsonNode root, String path, Map<String, String> headers, List<Variant> variants) {

    /**
     * @param required whether the value must be there: a required property or a list item. An
     *     explicit null for an optional property means "absent" to the services, which is harmless,
     *     so only required values get a null variant.
     */
    @SuppressWarnings("unchecked")
    void walk(Map<String, Object> rawSchema, JsonNode value, List<Object> at, String where, boolean required) {
      Map<String, Object> schema = operation.spec().resolve(rawSchema);
      String type = (String) schema.get("type");
      if (type == null && schema.containsKey("properties")) {
        type = "object";
      }
      String here = where.isEmpty() ? "body" : where;
      if (!at.isEmpty()) {
        add(here + " operator injection", at, v -> object("$ne", NODES.nullNode()));
        if (required) {
          add(here + " JSON null", at, v -> NODES.nullNode());
        }
      }
      switch (type == null ? "" : type) {
        case "object" -> {
          add(here + " as a string", at, v -> NODES.stringNode("x"));
          add(here + " as an array", at, v -> NODES.arrayNode());
          add(here + " with an unknown property", at, v -> with(v, "unexpected", NODES.numberNode(1)));
          add(here + " with a $-key", at, v -> with(v, "$where", NODES.stringNode("1 == 1")));
          add(here + " with a dotted key", at, v -> with(v, "placement.status", NODES.stringNode("HELD")));
          List<String> requiredNames = (List<String>) schema.getOrDefault("required", List.of());
          for (String name : requiredNames) {
            add(where + "/" + name + " missing", at, v -> without(v, name));
          }
          Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
          for (Map.Entry<String, Object> property : properties.entrySet()) {
            JsonNode child = value == null ? null : value.get(property.getKey());
            if (child != null) {
              List<Object> next = new ArrayList<>(at);
              next.add(property.getKey());
              walk((Map<String, Object>) property.getValue(), child, next, where + "/" + property.getKey(),
                  requiredNames.contains(property.getKey()));
            }
          }
        }
        case "array" -> {
          add(here + " as a string", at, v -> NODES.stringNode("x"));
          add(here + " as an object", at, v -> NODES.objectNode());
          Map<String, Object> items = operation.spec().resolve(schema.get("items"));
          JsonNode first = value != null && value.size() > 0 ? value.get(0) : sample(items);
          boolean unique = Boolean.TRUE.equals(schema.get("uniqueItems"));
          if (schema.get("maxItems") instanceof Number max && first != null) {
            // Items of a set must differ, or they collapse and the list is not too long after all.
            ArrayNode tooMany = unique ? distinct(items, first, max.intValue() + 1) : repeat(first, max.intValue() + 1);
            if (tooMany != null) {
              add(here + " with more than " + max + " items", at, v -> tooMany);
            }
          }
          if (schema.get("minItems") instanceof Number min && min.intValue() > 0) {
            add(here + " with fewer than " + min + " items", at, v -> NODES.arrayNode());
          }
          if (Boolean.TRUE.equals(schema.get("uniqueItems")) && first != null) {
            add(here + " with a duplicate item", at, v -> repeat(first, 2));
          }
          add(here + " with an item of the wrong type", at, v -> NODES.arrayNode().add(NODES.arrayNode()));
          if (first != null) {
            ArrayNode one = NODES.arrayNode().add(first.deepCopy());
            JsonNode base = replace(root, at, v -> one);
            List<Object> next = new ArrayList<>(at);
            next.add(0);
            new BodyWalk(operation, base, path, headers, variants).walk(items, one.get(0), next, where + "/0", true);
          }
        }
        case "string" -> {
          add(here + " as a number", at, v -> NODES.numberNode(123));
          add(here + " as an operator object", at, v -> object("$gt", NODES.stringNode("")));
          if (schema.get("enum") instanceof List<?> values) {
            add(here + " outside its enum", at, v -> NODES.stringNode("NOT_A_VALUE"));
            add(here + " in lower case", at, v -> NODES.stringNode(String.valueOf(values.getFirst()).toLowerCase()));
          } else {
            if (schema.get("maxLength") instanceof Number max) {
              add(here + " longer than " + max, at, v -> NODES.stringNode("a".repeat(max.intValue() + 1)));
            }
            if (schema.get("minLength") instanceof Number min && min.intValue() > 0) {
              add(here + " shorter than " + min, at, v -> NODES.stringNode("a".repeat(min.intValue() - 1)));
            }
            // Free text too: no text of the contracts is multi-line, so even a tab or newline is refused.
            for (String control : List.of("\u0000", "\n", "\t", "\u001b", "\u007f")) {
              add(here + " with control character U+" + String.format("%04X", (int) control.charAt(0)), at,
                  v -> NODES.stringNode(withMiddleCharacter(v, control)));
            }
            if (schema.get("pattern") != null) {
              add(here + " off its pattern", at, v -> NODES.stringNode("bad value! <script>"));
              if (!(schema.get("maxLength") instanceof Number)) {
                add(here + " of 5000 characters", at, v -> NODES.stringNode("a".repeat(5000)));
              }
            }
            if ("date".equals(schema.get("format"))) {
              add(here + " not a date", at, v -> NODES.stringNode("2026-13-45"));
              add(here + " a date-time", at, v -> NODES.stringNode("2026-12-01T00:00:00Z"));
            }
          }
        }
        case "integer", "number" -> {
          add(here + " as a string", at, v -> NODES.stringNode(String.valueOf(v)));
          add(here + " as an operator object", at, v -> object("$gt", NODES.numberNode(0)));
          if ("integer".equals(type)) {
            add(here + " with a fraction", at, v -> NODES.numberNode(1.5));
            add(here + " beyond int32", at, v -> NODES.numberNode(99_999_999_999L));
          } else {
            add(here + " beyond double", at, v -> NODES.numberNode(new java.math.BigDecimal("1e400")));
          }
          boolean whole = "integer".equals(type);
          if (schema.get("minimum") instanceof Number min) {
            add(here + " below minimum " + min, at, v -> whole
                ? NODES.numberNode(min.longValue() - 1) : NODES.numberNode(min.doubleValue() - 1));
          }
          if (schema.get("maximum") instanceof Number max) {
            add(here + " above maximum " + max, at, v -> whole
                ? NODES.numberNode(max.longValue() + 1) : NODES.numberNode(max.doubleValue() + 1));
          }
        }
        case "boolean" -> {
          add(here + " as a string", at, v -> NODES.stringNode("true"));
          add(here + " as a number", at, v -> NODES.numberNode(1));
        }
        default -> { }
      }
    }

    private void add(String what, List<Object> at, Function<JsonNode, JsonNode> change) {
      variants.add(new Variant(what, path, StackClient.JSON.writeValueAsString(replace(root, at, change)), headers));
    }
  }

  /** A copy of {@code root} with the node at {@code at} replaced by {@code change} of it. */
  static JsonNode replace(JsonNode root, List<Object> at, Function<JsonNode, JsonNode> change) {
    if (at.isEmpty()) {
      return change.apply(root.deepCopy());
    }
    JsonNode copy = root.deepCopy();
    JsonNode parent = copy;
    for (int i = 0; i < at.size() - 1; i++) {
      parent = at.get(i) instanceof Integer index ? parent.get(index) : parent.get((String) at.get(i));
    }
    Object last = at.getLast();
    if (last instanceof Integer index) {
      ((ArrayNode) parent).set(index, change.apply(parent.get(index)));
    } else {
      ((ObjectNode) parent).set((String) last, change.apply(parent.get((String) last)));
    }
    return copy;
  }

  /** The valid text with its middle character replaced: as long as before, so only the character is wrong. */
  private static String withMiddleCharacter(JsonNode valid, String character) {
    String text = valid != null && valid.isString() && !valid.asString().isEmpty() ? valid.asString() : "PJ-1";
    int middle = text.length() / 2;
    return text.substring(0, middle) + character + text.substring(middle + 1);
  }

  private static JsonNode object(String key, JsonNode value) {
    ObjectNode node = NODES.objectNode();
    node.set(key, value);
    return node;
  }

  private static JsonNode with(JsonNode node, String key, JsonNode value) {
    ObjectNode copy = (ObjectNode) node.deepCopy();
    copy.set(key, value);
    return copy;
  }

  private static JsonNode without(JsonNode node, String key) {
    ObjectNode copy = (ObjectNode) node.deepCopy();
    copy.remove(key);
    return copy;
  }

  private static ArrayNode repeat(JsonNode item, int times) {
    ArrayNode array = NODES.arrayNode();
    for (int i = 0; i < times; i++) {
      array.add(item.deepCopy());
    }
    return array;
  }

  /**
   * {@code n} different valid items, or null when the schema does not allow that many (an enum of
   * fewer values): enum values, else variations of {@code first} that keep its pattern and length.
   */
  private static ArrayNode distinct(Map<String, Object> items, JsonNode first, int n) {
    ArrayNode array = NODES.arrayNode();
    if (items.get("enum") instanceof List<?> values) {
      if (values.size() < n) {
        return null;
      }
      values.stream().limit(n).forEach(value -> array.add(String.valueOf(value)));
      return array;
    }
    if (!first.isString()) {
      return null;
    }
    java.util.regex.Pattern pattern = items.get("pattern") instanceof String p ? java.util.regex.Pattern.compile(p) : null;
    int maxLength = items.get("maxLength") instanceof Number max ? max.intValue() : Integer.MAX_VALUE;
    List<String> candidates = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      candidates.add(first.asString() + i);
    }
    if (!allMatch(candidates, pattern, maxLength)) {
      candidates.clear();
      for (int i = 0; i < n; i++) {
        candidates.add("" + (char) ('a' + i / 26 % 26) + (char) ('a' + i % 26));
      }
    }
    if (!allMatch(candidates, pattern, maxLength)) {
      return null;
    }
    candidates.forEach(array::add);
    return array;
  }

  private static boolean allMatch(List<String> candidates, java.util.regex.Pattern pattern, int maxLength) {
    return candidates.stream().allMatch(c -> c.length() <= maxLength && (pattern == null || pattern.matcher(c).find()));
  }

  /** A valid item for an empty array, where the schema names one (its first enum value). */
  private static JsonNode sample(Map<String, Object> items) {
    return items != null && items.get("enum") instanceof List<?> values
        ? NODES.stringNode(String.valueOf(values.getFirst()))
        : null;
  }
}
