package io.trustyard.cli.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Go's json.Marshal escaping and json.Indent layout, as docker's inspect output uses them. */
class GoJsonTest {

  @Test
  void stringsAreEscapedAsGoEscapesThem() {
    assertThat(GoJson.string("a\"b\\c\n<x>&\u2028\u0001é")).isEqualTo("\"a\\\"b\\\\c\\n\\u003cx\\u003e\\u0026\\u2028\\u0001é\"");
  }

  @Test
  void indentKeepsEmptyContainersCompactAndStringsUntouched() {
    String compact = "[{\"Name\":\"a, b: [c]\",\"Tags\":[],\"Keys\":[{\"ID\":\"x\"},{}]}]";
    assertThat(GoJson.indent(compact)).isEqualTo("""
        [
            {
                "Name": "a, b: [c]",
                "Tags": [],
                "Keys": [
                    {
                        "ID": "x"
                    },
                    {}
                ]
            }
        ]""");
    assertThat(GoJson.indent(GoJson.array(List.of()))).isEqualTo("[]");
  }
}
