package io.trustyard.core.tuf.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.trustyard.core.json.GoTime;
import io.trustyard.core.tuf.TufError;
import io.trustyard.core.tuf.TufException;
import io.trustyard.core.tuf.model.UnknownFields;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Typed reads of one JSON object's members; what is never read becomes {@link UnknownFields}. */
final class ObjectFields {
  private final JsonNode node;
  private final String role;
  private final String path;
  private final Set<String> read = new LinkedHashSet<>();

  ObjectFields(JsonNode node, String role, String path) {
    if (!node.isObject()) {
      throw malformed(role, path + " must be a JSON object");
    }
    this.node = node;
    this.role = role;
    this.path = path;
  }

  static TufException malformed(String role, String message) {
    return new TufException(TufError.MALFORMED, role, message);
  }

  /** Present, even as null. */
  boolean present(String name) {
    return node.has(name);
  }

  /** Present and not null. */
  boolean has(String name) {
    return node.has(name) && !node.get(name).isNull();
  }

  JsonNode raw(String name) {
    read.add(name);
    JsonNode value = node.get(name);
    if (value == null) {
      throw malformed(role, path + "." + name + " is missing");
    }
    return value;
  }

  String string(String name) {
    JsonNode value = raw(name);
    if (!value.isTextual()) {
      throw malformed(role, path + "." + name + " must be a string");
    }
    return value.textValue();
  }

  long integer(String name) {
    JsonNode value = raw(name);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw malformed(role, path + "." + name + " must be a 64-bit integer");
    }
    return value.longValue();
  }

  int smallInteger(String name) {
    long value = integer(name);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw malformed(role, path + "." + name + " is out of range");
    }
    return (int) value;
  }

  boolean bool(String name, boolean absent) {
    if (!node.has(name)) {
      return absent;
    }
    JsonNode value = raw(name);
    if (!value.isBoolean()) {
      throw malformed(role, path + "." + name + " must be true or false");
    }
    return value.booleanValue();
  }

  OffsetDateTime time(String name) {
    String text = string(name);
    try {
      return GoTime.parse(text);
    } catch (DateTimeException e) {
      throw malformed(role, path + "." + name + " is not an RFC 3339 time: " + text);
    }
  }

  /** An object member, or an empty object when absent or null (Go leaves the zero value). */
  ObjectFields object(String name, boolean required) {
    if (!required && !has(name)) {
      read.add(name);
      return new ObjectFields(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
          role, path + "." + name);
    }
    return new ObjectFields(raw(name), role, path + "." + name);
  }

  JsonNode array(String name, boolean required) {
    if (!required && !has(name)) {
      read.add(name);
      return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    }
    JsonNode value = raw(name);
    if (!value.isArray()) {
      throw malformed(role, path + "." + name + " must be an array");
    }
    return value;
  }

  byte[] base64(String name) {
    return base64(string(name), role, path + "." + name);
  }

  /** Go's StdEncoding: padded, no whitespace; anything that does not re-encode the same is refused. */
  static byte[] base64(String text, String role, String where) {
    try {
      byte[] decoded = Base64.getDecoder().decode(text);
      if (!Base64.getEncoder().encodeToString(decoded).equals(text)) {
        throw malformed(role, where + " is not padded standard base64");
      }
      return decoded;
    } catch (IllegalArgumentException e) {
      throw malformed(role, where + " is not base64");
    }
  }

  Iterable<Map.Entry<String, JsonNode>> members() {
    return node.properties();
  }

  String path() {
    return path;
  }

  String role() {
    return role;
  }

  UnknownFields rest() {
    Map<String, JsonNode> unknown = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!read.contains(e.getKey())) {
        unknown.put(e.getKey(), e.getValue());
      }
    }
    return unknown.isEmpty() ? UnknownFields.NONE : new UnknownFields(unknown);
  }

  /** For objects whose shape is fixed (keys): any member not read is an error. */
  void requireNoOthers() {
    UnknownFields rest = rest();
    if (!rest.isEmpty()) {
      throw malformed(role, path + " has unexpected members " + rest.fields().keySet());
    }
  }
}
