package org.safebed.occupancy.contract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads the {@code data} schema of an event out of an AsyncAPI document (2.x or 3.0): finds the
 * message by its name, its channel or its payload's {@code type} constant, follows local
 * {@code $ref}s and merges {@code allOf}.
 */
final class AsyncApiSchemas {

  /** The merged schema of an event's data: its properties and which of them are required. */
  record DataSchema(Map<String, Map<String, Object>> properties, Set<String> required, boolean closed) {}

  private final Map<String, Object> root;

  private AsyncApiSchemas(Map<String, Object> root) {
    this.root = root;
  }

  static Path specsDir() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("api-specs/asyncapi"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("api-specs/asyncapi not found above " + Path.of("").toAbsolutePath());
    }
    return dir.resolve("api-specs/asyncapi");
  }

  static Optional<AsyncApiSchemas> load(String fileName) {
    Path file = specsDir().resolve(fileName);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      return Optional.of(new AsyncApiSchemas(new Yaml().load(in)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  Optional<DataSchema> dataOf(String eventType) {
    for (Map<String, Object> message : messages()) {
      Map<String, Object> payload = merged(map(message.get("payload")));
      if (names(message, payload).contains(eventType)) {
        Map<String, Object> data = merged(map(map(payload.get("properties")).get("data")));
        Map<String, Map<String, Object>> properties = new LinkedHashMap<>();
        map(data.get("properties")).forEach((name, schema) -> properties.put(name, merged(map(schema))));
        Set<String> required = new LinkedHashSet<>(strings(data.get("required")));
        return Optional.of(new DataSchema(properties, required, Boolean.FALSE.equals(data.get("additionalProperties"))));
      }
    }
    return Optional.empty();
  }

  private List<Map<String, Object>> messages() {
    List<Map<String, Object>> messages = new ArrayList<>();
    map(map(root.get("components")).get("messages")).forEach((key, value) -> {
      Map<String, Object> message = new LinkedHashMap<>(resolve(map(value)));
      message.putIfAbsent("name", key);
      messages.add(message);
    });
    map(root.get("channels")).forEach((channelKey, channelValue) -> {
      Map<String, Object> channel = resolve(map(channelValue));
      List<Object> refs = new ArrayList<>();
      for (String op : List.of("publish", "subscribe")) {
        Object message = map(channel.get(op)).get("message");
        if (message != null) {
          Map<String, Object> resolved = resolve(map(message));
          refs.addAll(resolved.containsKey("oneOf") ? list(resolved.get("oneOf")) : List.of(resolved));
        }
      }
      refs.addAll(map(channel.get("messages")).values());
      for (Object ref : refs) {
        Map<String, Object> message = new LinkedHashMap<>(resolve(map(ref)));
        message.put("x-channel", channel.getOrDefault("address", channelKey));
        messages.add(message);
      }
    });
    return messages;
  }

  private static Set<String> names(Map<String, Object> message, Map<String, Object> payload) {
    Set<String> names = new LinkedHashSet<>();
    for (String key : List.of("name", "title", "messageId", "x-channel")) {
      if (message.get(key) instanceof String s) {
        names.add(s);
      }
    }
    Map<String, Object> type = map(map(payload.get("properties")).get("type"));
    if (type.get("const") instanceof String s) {
      names.add(s);
    }
    names.addAll(strings(type.get("enum")));
    return names;
  }

  /** Follows $ref and merges allOf parts into one schema. */
  private Map<String, Object> merged(Map<String, Object> schema) {
    Map<String, Object> resolved = resolve(schema);
    if (!resolved.containsKey("allOf")) {
      return resolved;
    }
    Map<String, Object> result = new LinkedHashMap<>(resolved);
    result.remove("allOf");
    Map<String, Object> properties = new LinkedHashMap<>(map(resolved.get("properties")));
    List<String> required = new ArrayList<>(strings(resolved.get("required")));
    for (Object part : list(resolved.get("allOf"))) {
      Map<String, Object> partSchema = merged(map(part));
      map(partSchema.get("properties")).forEach((name, value) -> {
        Object existing = properties.get(name);
        if (existing == null) {
          properties.put(name, value);
        } else {
          Map<String, Object> combined = new LinkedHashMap<>(resolve(map(existing)));
          combined.putAll(resolve(map(value)));
          properties.put(name, combined);
        }
      });
      required.addAll(strings(partSchema.get("required")));
      partSchema.forEach((key, value) -> {
        if (!key.equals("properties") && !key.equals("required")) {
          result.putIfAbsent(key, value);
        }
      });
    }
    result.put("properties", properties);
    result.put("required", required);
    return result;
  }

  private Map<String, Object> resolve(Map<String, Object> schema) {
    Map<String, Object> current = schema;
    while (current.get("$ref") instanceof String ref && ref.startsWith("#/")) {
      Object target = root;
      for (String part : ref.substring(2).split("/")) {
        target = map(target).get(part.replace("~1", "/").replace("~0", "~"));
      }
      current = map(target);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  static List<Object> list(Object value) {
    return value instanceof List<?> l ? new ArrayList<>(l) : List.of();
  }

  static List<String> strings(Object value) {
    return list(value).stream().map(String::valueOf).toList();
  }
}
