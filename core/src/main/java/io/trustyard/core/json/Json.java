package io.trustyard.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;

/**
 * Bounded, strict parsing of untrusted JSON into a tree: one document, nothing after it. Fractions
 * become doubles, as in Go's generic decoder, so that re-encoding for verification matches Go;
 * duplicate member names keep the last value, as Go does.
 */
public final class Json {
  /** Nesting deeper than any metadata needs; bounds recursion in the encoders too. */
  public static final int MAX_DEPTH = 64;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(
        StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxNumberLength(64).build());
  }

  private Json() {}

  /** Node factory for building trees that the canonical encoder will write. */
  public static JsonNodeFactory nodes() {
    return JsonNodeFactory.instance;
  }

  public static JsonNode parse(byte[] bytes, long maxBytes) {
    if (bytes.length > maxBytes) {
      throw new MalformedJsonException(
          "document of " + bytes.length + " bytes is larger than the limit of " + maxBytes);
    }
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw new MalformedJsonException("empty document");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new MalformedJsonException("malformed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new MalformedJsonException("unreadable JSON: " + e.getMessage(), e);
    }
  }
}
