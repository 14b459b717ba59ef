package io.trustyard.cli.trust;

import java.util.List;

/**
 * JSON written byte for byte as docker's inspect commands write it: Go's {@code json.Marshal}
 * string escaping and {@code json.Indent} with four spaces.
 */
final class GoJson {
  private GoJson() {}

  /** A JSON string as Go marshals it (HTML characters and U+2028/2029 escaped too). */
  static String string(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** {@code [a,b,...]} of already encoded values. */
  static String array(List<String> encoded) {
    return "[" + String.join(",", encoded) + "]";
  }

  /** Go's {@code json.Indent(dst, compact, "", "    ")}: empty arrays and objects stay {@code []}/{@code {}}. */
  static String indent(String compact) {
    StringBuilder out = new StringBuilder(compact.length() * 2);
    int depth = 0;
    boolean inString = false;
    boolean needIndent = false;
    for (int i = 0; i < compact.length(); i++) {
      char c = compact.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\') {
          out.append(compact.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      if (needIndent && c != ']' && c != '}') {
        newline(out, depth);
        needIndent = false;
      }
      switch (c) {
        case '"' -> {
          inString = true;
          out.append(c);
        }
        case '[', '{' -> {
          out.append(c);
          depth++;
          needIndent = true;
        }
        case ']', '}' -> {
          depth--;
          if (needIndent) {
            needIndent = false; // empty: [] or {}
          } else {
            newline(out, depth);
          }
          out.append(c);
        }
        case ',' -> {
          out.append(c);
          newline(out, depth);
        }
        case ':' -> out.append(": ");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static void newline(StringBuilder out, int depth) {
    out.append('\n').append("    ".repeat(depth));
  }
}
