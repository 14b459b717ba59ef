package io.trustyard.core.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The distribution error envelope {@code {"errors":[{"code","message","detail"}]}}. */
public final class OciErrors {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** Error bodies from a registry are read at most this far. */
  public static final int MAX_ENVELOPE_BYTES = 64 * 1024;

  private OciErrors() {}

  /** One error as found on the wire; {@code code} is kept as text since servers may send others. */
  public record Entry(String code, String message, JsonNode detail) {}

  /** Serialises entries into the envelope's JSON bytes. */
  public static byte[] toJson(List<Entry> entries) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode errors = root.putArray("errors");
    for (Entry e : entries) {
      ObjectNode o = errors.addObject();
      o.put("code", e.code());
      o.put("message", e.message());
      if (e.detail() != null) {
        o.set("detail", e.detail());
      }
    }
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Parses an envelope; returns an empty list for bodies that are not one. */
  public static List<Entry> parse(byte[] body) {
    if (body == null || body.length == 0 || body.length > MAX_ENVELOPE_BYTES) {
      return List.of();
    }
    try {
      JsonNode root = MAPPER.readTree(body);
      JsonNode errors = root == null ? null : root.get("errors");
      if (errors == null || !errors.isArray()) {
        return List.of();
      }
      List<Entry> out = new ArrayList<>();
      for (JsonNode e : errors) {
        out.add(new Entry(e.path("code").asText(""), e.path("message").asText(""), e.get("detail")));
      }
      return out;
    } catch (IOException e) {
      return List.of();
    }
  }
}
