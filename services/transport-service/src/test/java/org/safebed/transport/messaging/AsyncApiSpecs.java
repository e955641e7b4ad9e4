package org.safebed.transport.messaging;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the {@code data} schema of one event out of a producer's AsyncAPI file (2.x or 3.x),
 * whatever its layout: it looks for the node that names the event (a key, {@code name},
 * {@code messageId}, {@code title}, or a {@code type} property whose const/enum is the event type)
 * and follows local {@code $ref}s to the payload's {@code data} property.
 */
final class AsyncApiSpecs {

  static final Path DIRECTORY = Path.of("../../api-specs/asyncapi");

  private final Map<String, Object> root;

  private AsyncApiSpecs(Map<String, Object> root) {
    this.root = root;
  }

  static Optional<AsyncApiSpecs> of(String service) throws IOException {
    Path file = DIRECTORY.resolve(service + ".yaml");
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try (Reader reader = Files.newBufferedReader(file)) {
      Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
      return Optional.of(new AsyncApiSpecs(root));
    }
  }

  /** The JSON Schema of the event's {@code data} object, if the file describes the event. */
  Optional<Map<String, Object>> dataSchema(String eventType) {
    Deque<Object> toVisit = new ArrayDeque<>(List.of(root));
    while (!toVisit.isEmpty()) {
      Object node = toVisit.pop();
      if (node instanceof Map<?, ?> map) {
        for (var entry : map.entrySet()) {
          if (eventType.equals(entry.getKey()) || names(entry.getValue(), eventType)) {
            Optional<Map<String, Object>> data = findData(entry.getValue(), 0);
            if (data.isPresent()) {
              return data;
            }
          }
          toVisit.add(entry.getValue());
        }
      } else if (node instanceof List<?> list) {
        toVisit.addAll(list);
      }
    }
    return Optional.empty();
  }

  /** Properties of a schema (after resolving references). */
  @SuppressWarnings("unchecked")
  Map<String, Object> properties(Map<String, Object> schema) {
    Object properties = resolve(schema).get("properties");
    return properties instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  @SuppressWarnings("unchecked")
  List<String> required(Map<String, Object> schema) {
    Object required = resolve(schema).get("required");
    return required instanceof List<?> list ? (List<String>) list : List.of();
  }

  /**
   * A schema with its local references followed and its {@code allOf} parts merged (properties
   * of later parts win, required lists add up), which is how producers compose envelope and data.
   */
  @SuppressWarnings("unchecked")
  Map<String, Object> resolve(Object node) {
    Object current = node;
    for (int depth = 0; depth < 10 && current instanceof Map<?, ?> map && map.get("$ref") instanceof String ref; depth++) {
      current = pointer(ref);
    }
    if (!(current instanceof Map<?, ?> map)) {
      return Map.of();
    }
    if (!(map.get("allOf") instanceof List<?> parts)) {
      return (Map<String, Object>) map;
    }
    Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) map);
    merged.remove("allOf");
    Map<String, Object> properties = new LinkedHashMap<>();
    List<Object> required = new ArrayList<>();
    for (Object part : parts) {
      Map<String, Object> resolved = resolve(part);
      resolved.forEach((key, value) -> {
        if (!key.equals("properties") && !key.equals("required")) {
          merged.putIfAbsent(key, value);
        }
      });
      if (resolved.get("properties") instanceof Map<?, ?> partProperties) {
        properties.putAll((Map<String, Object>) partProperties);
      }
      if (resolved.get("required") instanceof List<?> partRequired) {
        required.addAll(partRequired);
      }
    }
    if (map.get("properties") instanceof Map<?, ?> own) {
      properties.putAll((Map<String, Object>) own);
    }
    if (map.get("required") instanceof List<?> own) {
      required.addAll(own);
    }
    merged.put("properties", properties);
    merged.put("required", required);
    return merged;
  }

  private boolean names(Object node, String eventType) {
    Map<String, Object> map = resolve(node);
    if (eventType.equals(map.get("name")) || eventType.equals(map.get("messageId")) || eventType.equals(map.get("title"))) {
      return true;
    }
    Object type = properties(map).get("type");
    Map<String, Object> typeSchema = resolve(type);
    return eventType.equals(typeSchema.get("const"))
        || (typeSchema.get("enum") instanceof List<?> values && values.contains(eventType));
  }

  private Optional<Map<String, Object>> findData(Object node, int depth) {
    if (depth > 8) {
      return Optional.empty();
    }
    Map<String, Object> map = resolve(node);
    Object data = properties(map).get("data");
    if (data != null) {
      return Optional.of(resolve(data));
    }
    for (Object child : map.values()) {
      if (child instanceof Map<?, ?> || child instanceof List<?>) {
        for (Object item : child instanceof List<?> list ? list : List.of(child)) {
          Optional<Map<String, Object>> found = findData(item, depth + 1);
          if (found.isPresent()) {
            return found;
          }
        }
      }
    }
    return Optional.empty();
  }

  private Object pointer(String ref) {
    if (!ref.startsWith("#/")) {
      throw new IllegalArgumentException("only local references are supported: " + ref);
    }
    Object current = root;
    for (String part : ref.substring(2).split("/")) {
      String key = part.replace("~1", "/").replace("~0", "~");
      current = current instanceof Map<?, ?> map ? map.get(key) : null;
      Objects.requireNonNull(current, "unresolvable reference " + ref);
    }
    return current;
  }
}
