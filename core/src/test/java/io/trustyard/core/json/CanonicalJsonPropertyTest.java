package io.trustyard.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded random documents: the encoding is a fixed point and its keys are in UTF-8 byte order. */
class CanonicalJsonPropertyTest {
  private static final int[] CODE_POINTS = {
      'a', 'b', 'Z', '0', ' ', '"', '\\', '/', '<', '>', '&', 0x01, 0x1f, 0x7f, 0xe9, 0x2028,
      0x2029, 0xfffd, 0xff5e, 0x1f600, 0x10348, 0x4e2d};

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void parseEncodeParseIsStable(long seed) {
    JsonNode doc = randomValue(new Random(seed), 0);
    byte[] once = CanonicalJson.encode(doc);
    // Raw control characters are not valid JSON, so reparse the Go-escaped form (what a file holds).
    JsonNode reparsed = Json.parse(reescapeControls(once), 1 << 24);
    assertThat(reparsed.equals(CanonicalJsonPropertyTest::sameValue, doc))
        .as("reparsed %s vs %s", reparsed, doc).isTrue();
    assertThat(CanonicalJson.encode(reparsed)).isEqualTo(once);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void membersComeOutInUnsignedUtf8Order(long seed) {
    ObjectNode doc = Json.nodes().objectNode();
    Random random = new Random(seed);
    for (int i = 0; i < 12; i++) {
      doc.put(randomString(random), i);
    }
    JsonNode reparsed = Json.parse(reescapeControls(CanonicalJson.encode(doc)), 1 << 20);
    List<String> keys = new ArrayList<>();
    reparsed.fieldNames().forEachRemaining(keys::add);
    for (int i = 1; i < keys.size(); i++) {
      assertThat(CanonicalJson.compareKeys(keys.get(i - 1), keys.get(i))).isNegative();
    }
    assertThat(keys).containsExactlyInAnyOrderElementsOf(iterable(doc));
  }

  /** Jackson reads a small long back as an int node; the value is what must survive. */
  private static int sameValue(JsonNode a, JsonNode b) {
    if (a.isIntegralNumber() && b.isIntegralNumber()) {
      return a.bigIntegerValue().compareTo(b.bigIntegerValue());
    }
    return a.equals(b) ? 0 : 1;
  }

  private static List<String> iterable(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static byte[] reescapeControls(byte[] canonical) {
    StringBuilder sb = new StringBuilder();
    for (char c : new String(canonical, StandardCharsets.UTF_8).toCharArray()) {
      if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  static JsonNode randomValue(Random random, int depth) {
    int kind = depth > 3 ? random.nextInt(4) : random.nextInt(6);
    return switch (kind) {
      case 0 -> Json.nodes().textNode(randomString(random));
      case 1 -> Json.nodes().numberNode(random.nextBoolean() ? random.nextInt() : random.nextLong());
      case 2 -> Json.nodes().booleanNode(random.nextBoolean());
      case 3 -> Json.nodes().nullNode();
      case 4 -> {
        ArrayNode array = Json.nodes().arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          array.add(randomValue(random, depth + 1));
        }
        yield array;
      }
      default -> {
        ObjectNode object = Json.nodes().objectNode();
        for (int i = random.nextInt(5); i > 0; i--) {
          object.set(randomString(random), randomValue(random, depth + 1));
        }
        yield object;
      }
    };
  }

  static String randomString(Random random) {
    StringBuilder sb = new StringBuilder();
    for (int i = random.nextInt(6); i > 0; i--) {
      sb.appendCodePoint(CODE_POINTS[random.nextInt(CODE_POINTS.length)]);
    }
    return sb.toString();
  }
}
