package io.trustyard.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Golden cases of spec/notary.md §2.8 and stack.md gotcha 3. */
class CanonicalJsonTest {

  private static String canonical(String json) {
    return new String(CanonicalJson.encode(Json.parse(json.getBytes(StandardCharsets.UTF_8), 1 << 20)),
        StandardCharsets.UTF_8);
  }

  @Test
  void stackGotchaDocumentIsWrittenAsNotaryWritesIt() {
    ObjectNode doc = Json.nodes().objectNode();
    doc.put("b", 1);
    doc.put("a", "x<y&\u0001z\u2028");
    doc.put("\uFFFD", 1);
    doc.put("\uD83D\uDE00", 2);
    doc.put("n", 1234567890123456789L);
    byte[] out = CanonicalJson.encode(doc);
    // U+FFFD (EF BF BD) sorts before the emoji (F0 9F 98 80) by UTF-8 bytes; Java's UTF-16
    // order would put the emoji (D83D) first.
    assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo(
        "{\"a\":\"x<y&\u0001z\u2028\",\"b\":1,\"n\":1234567890123456789,\"\uFFFD\":1,\"\uD83D\uDE00\":2}");
    assertThat(out).contains(0x01).doesNotContain((byte) '\\');
  }

  @Test
  void onlyQuoteAndBackslashAreEscapedEverythingElseIsRaw() {
    assertThat(canonical("{\"k\":\"q\\\"b\\\\s\\/t\\tn\\nc\\u0000h<>&\\u00e9\"}"))
        .isEqualTo("{\"k\":\"q\\\"b\\\\s/t\tn\nc\u0000h<>&\u00e9\"}");
  }

  @Test
  void rawControlCharactersAreWrittenAsTheirOwnByte() {
    byte[] out = CanonicalJson.encode(Json.nodes().textNode("\u0001\u001f\u007f"));
    assertThat(out).containsExactly('"', 0x01, 0x1f, 0x7f, '"');
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2.0|2", "1e3|1000", "-0|0", "-0.0|0", "0|0", "-5|-5", "1.0000000000000000001|1",
      "9223372036854775807|9223372036854775807", "-9223372036854775808|-9223372036854775808",
      "1E2|100"})
  void integralNumbersArePrintedAsInt64(String in, String out) {
    assertThat(canonical("[" + in + "]")).isEqualTo("[" + out + "]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "-0.25", "9223372036854775808", "1e19", "-1e300", "1e400"})
  void fractionalOrOversizedNumbersAreRefused(String in) {
    assertThatThrownBy(() -> canonical("{\"a\":" + in + "}"))
        .isInstanceOf(CanonicalJsonException.class);
  }

  @Test
  void nestedStructuresAreSortedAtEveryLevelWithoutWhitespace() {
    assertThat(canonical("{ \"z\" : [ {\"b\":true,\"a\":null} , false ], \"a\" : { \"y\":\"\", \"x\":[] } }"))
        .isEqualTo("{\"a\":{\"x\":[],\"y\":\"\"},\"z\":[{\"a\":null,\"b\":true},false]}");
  }

  @Test
  void keyOrderIsByUnsignedUtf8BytesNotUtf16() {
    assertThat(CanonicalJson.compareKeys("\uFFFD", "\uD83D\uDE00")).isNegative();
    assertThat("\uFFFD".compareTo("\uD83D\uDE00")).isPositive();
    assertThat(CanonicalJson.compareKeys("Z", "a")).isNegative();
    assertThat(CanonicalJson.compareKeys("a", "ab")).isNegative();
    assertThat(CanonicalJson.compareKeys("\u007f", "\u0080")).isNegative();
  }

  @Test
  void loneSurrogatesBecomeReplacementCharacters() {
    JsonNode parsed = Json.parse("\"a\\ud800b\\udc00\"".getBytes(StandardCharsets.UTF_8), 100);
    assertThat(new String(CanonicalJson.encode(parsed), StandardCharsets.UTF_8))
        .isEqualTo("\"a\uFFFDb\uFFFD\"");
  }

  @Test
  void binaryNodesAreStandardBase64WithPadding() {
    assertThat(CanonicalJson.encode(Json.nodes().binaryNode(new byte[] {(byte) 0xfb, (byte) 0xff})))
        .asString(StandardCharsets.UTF_8).isEqualTo("\"+/8=\"");
  }
}
