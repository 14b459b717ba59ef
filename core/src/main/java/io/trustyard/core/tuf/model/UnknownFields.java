package io.trustyard.core.tuf.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Members of a JSON object that the model has no field for, kept so that re-serialising writes them
 * back. Values are deep-copied in and out: the record stays immutable though Jackson nodes are not.
 */
public record UnknownFields(Map<String, JsonNode> fields) {
  public static final UnknownFields NONE = new UnknownFields(Map.of());

  public UnknownFields {
    Map<String, JsonNode> copy = new LinkedHashMap<>();
    fields.forEach((k, v) -> copy.put(k, v.deepCopy()));
    fields = Collections.unmodifiableMap(copy);
  }

  @Override
  public Map<String, JsonNode> fields() {
    Map<String, JsonNode> copy = new LinkedHashMap<>();
    fields.forEach((k, v) -> copy.put(k, v.deepCopy()));
    return copy;
  }

  public boolean isEmpty() {
    return fields.isEmpty();
  }
}
