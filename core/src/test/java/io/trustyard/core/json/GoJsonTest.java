package io.trustyard.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GoJsonTest {

  @Test
  void embeddedCanonicalBytesGetHtmlAndLineSeparatorEscapesOnly() {
    byte[] canonical = "{\"a<b>&c-\u00e9\u2028\u2029/\\\\\":\"\uD83D\uDE00\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(new String(GoJson.escapeEmbedded(canonical), StandardCharsets.UTF_8))
        .isEqualTo("{\"a\\u003cb\\u003e\\u0026c-\u00e9\\u2028\\u2029/\\\\\":\"\uD83D\uDE00\"}");
  }

  @Test
  void rawControlCharactersCannotBeEmbedded() {
    assertThatThrownBy(() -> GoJson.escapeEmbedded("\"\u0001\"".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(CanonicalJsonException.class);
  }

  @Test
  void quotedStringsEscapeLikeGoMarshal() {
    assertThat(GoJson.quote("a\"\\\n\t\r\u0001<>&\u2028\u00e9")).isEqualTo(
        "\"a\\\"\\\\\\n\\t\\r\\u0001\\u003c\\u003e\\u0026\\u2028\u00e9\"");
  }

  @Test
  void indentKeepsEmptyContainersCompactAndStringsUntouched() {
    String compact = "[{\"Name\":\"a, b: [c] \\\"q\\\"\",\"Tags\":[],\"Keys\":[{\"ID\":\"x\"},{}]}]";
    assertThat(GoJson.indent(compact)).isEqualTo("""
        [
            {
                "Name": "a, b: [c] \\"q\\"",
                "Tags": [],
                "Keys": [
                    {
                        "ID": "x"
                    },
                    {}
                ]
            }
        ]""");
    assertThat(GoJson.indent("[]")).isEqualTo("[]");
  }

  @Test
  void parsingIsBoundedAndRefusesTrailingData() {
    assertThatThrownBy(() -> Json.parse("{}".getBytes(StandardCharsets.UTF_8), 1))
        .isInstanceOf(MalformedJsonException.class).hasMessageContaining("limit");
    assertThatThrownBy(() -> Json.parse("{} {}".getBytes(StandardCharsets.UTF_8), 100))
        .isInstanceOf(MalformedJsonException.class);
    assertThatThrownBy(() -> Json.parse("".getBytes(StandardCharsets.UTF_8), 100))
        .isInstanceOf(MalformedJsonException.class);
    assertThatThrownBy(() -> Json.parse("[".repeat(100).getBytes(StandardCharsets.UTF_8), 1000))
        .isInstanceOf(MalformedJsonException.class);
    assertThat(Json.parse("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8), 100).get("a").intValue())
        .isEqualTo(2);
  }
}
