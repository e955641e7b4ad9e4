package org.safebed.platform.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A producer's AsyncAPI document (2.x or 3.0), read for the schema of an event's {@code data}: the
 * message is found by its name, title, message id or channel, or by its payload's {@code type}
 * constant; local {@code $ref}s are followed and {@code allOf} parts merged. Contract tests check
 * a consumer's own record of an event, or what a producer records, against it.
 */
public final class AsyncApiDocument {

  /**
   * An object schema, references followed and {@code allOf} parts merged: its properties (each
   * resolved likewise), which of them are required, and whether it refuses others
   * ({@code additionalProperties: false}).
   */
  public record ObjectSchema(Map<String, Map<String, Object>> properties, List<String> required, boolean closed) {}

  private final Map<String, Object> root;

  private AsyncApiDocument(Map<String, Object> root) {
    this.root = root;
  }

  /** {@code api-specs/asyncapi}, in the nearest folder above the working directory that has one. */
  public static Path directory() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("api-specs/asyncapi"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("api-specs/asyncapi not found above " + Path.of("").toAbsolutePath());
    }
    return dir.resolve("api-specs/asyncapi");
  }

  /** The document of a service ({@code api-specs/asyncapi/<service>.yaml}), if it is written yet. */
  public static Optional<AsyncApiDocument> of(String service) {
    Path file = directory().resolve(service + ".yaml");
    return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
  }

  public static AsyncApiDocument read(Path file) {
    try (Reader reader = Files.newBufferedReader(file)) {
      return new AsyncApiDocument(map(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema of an event type's {@code data}, if the document describes the event. */
  public Optional<ObjectSchema> dataOf(String eventType) {
    for (Map<String, Object> message : messages()) {
      Map<String, Object> payload = resolve(message.get("payload"));
      if (names(message, payload).contains(eventType)) {
        return Optional.of(objectSchema(map(payload.get("properties")).get("data")));
      }
    }
    return Optional.empty();
  }

  /** An object schema (a nested object's, say), read as {@link #dataOf} reads data. */
  public ObjectSchema objectSchema(Object schema) {
    Map<String, Object> resolved = resolve(schema);
    Map<String, Map<String, Object>> properties = new LinkedHashMap<>();
    map(resolved.get("properties")).forEach((name, property) -> properties.put(name, resolve(property)));
    return new ObjectSchema(properties, List.copyOf(new LinkedHashSet<>(strings(resolved.get("required")))),
        Boolean.FALSE.equals(resolved.get("additionalProperties")));
  }

  /**
   * A schema with its local {@code $ref}s followed and its {@code allOf} parts merged into it: a
   * property named in several parts has the keys of all, later parts winning; required lists add
   * up; other keys of the parts fill in what the schema does not say itself.
   */
  public Map<String, Object> resolve(Object schema) {
    Map<String, Object> resolved = followed(map(schema));
    if (!resolved.containsKey("allOf")) {
      return resolved;
    }
    Map<String, Object> result = new LinkedHashMap<>(resolved);
    result.remove("allOf");
    Map<String, Object> properties = new LinkedHashMap<>(map(resolved.get("properties")));
    List<String> required = new ArrayList<>(strings(resolved.get("required")));
    for (Object part : list(resolved.get("allOf"))) {
      Map<String, Object> partSchema = resolve(part);
      map(partSchema.get("properties")).forEach((name, value) -> {
        Object existing = properties.get(name);
        if (existing == null) {
          properties.put(name, value);
        } else {
          Map<String, Object> combined = new LinkedHashMap<>(followed(map(existing)));
          combined.putAll(followed(map(value)));
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

  /** The messages of the components and of the channels' operations (2.x) or messages (3.0). */
  private List<Map<String, Object>> messages() {
    List<Map<String, Object>> messages = new ArrayList<>();
    map(map(root.get("components")).get("messages")).forEach((key, value) -> {
      Map<String, Object> message = new LinkedHashMap<>(followed(map(value)));
      message.putIfAbsent("name", key);
      messages.add(message);
    });
    map(root.get("channels")).forEach((channelKey, channelValue) -> {
      Map<String, Object> channel = followed(map(channelValue));
      List<Object> refs = new ArrayList<>();
      for (String operation : List.of("publish", "subscribe")) {
        Object message = map(channel.get(operation)).get("message");
        if (message != null) {
          Map<String, Object> resolved = followed(map(message));
          refs.addAll(resolved.containsKey("oneOf") ? list(resolved.get("oneOf")) : List.of(resolved));
        }
      }
      refs.addAll(map(channel.get("messages")).values());
      for (Object ref : refs) {
        Map<String, Object> message = new LinkedHashMap<>(followed(map(ref)));
        message.put("x-channel", channel.getOrDefault("address", channelKey));
        messages.add(message);
      }
    });
    return messages;
  }

  private static Set<String> names(Map<String, Object> message, Map<String, Object> payload) {
    Set<String> names = new LinkedHashSet<>();
    for (String key : List.of("name", "title", "messageId", "x-channel")) {
      if (message.get(key) instanceof String name) {
        names.add(name);
      }
    }
    Map<String, Object> type = map(map(payload.get("properties")).get("type"));
    if (type.get("const") instanceof String constant) {
      names.add(constant);
    }
    names.addAll(strings(type.get("enum")));
    return names;
  }

  private Map<String, Object> followed(Map<String, Object> schema) {
    Map<String, Object> current = schema;
    while (current.get("$ref") instanceof String ref) {
      if (!ref.startsWith("#/")) {
        throw new IllegalArgumentException("only local references are supported: " + ref);
      }
      Object target = root;
      for (String part : ref.substring(2).split("/")) {
        target = map(target).get(part.replace("~1", "/").replace("~0", "~"));
      }
      if (target == null) {
        throw new IllegalArgumentException("unresolvable reference " + ref);
      }
      current = map(target);
    }
    return current;
  }

  /** A YAML mapping as a map; anything else (absent included) as an empty one. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<Object> list(Object value) {
    return value instanceof List<?> l ? new ArrayList<>(l) : List.of();
  }

  /** A YAML sequence as strings; anything else as an empty list. */
  public static List<String> strings(Object value) {
    return list(value).stream().map(String::valueOf).toList();
  }
}
